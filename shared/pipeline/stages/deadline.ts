/**
 * The time a stage has left before Lambda stops it. A kill at the timeout runs no code: nothing is saved,
 * no claim released. A stage that can run long (translate) watches this and stops early instead.
 */
import { PipelineError } from "../../errors";
import type { StopSignal } from "../../translate/port";

export interface Deadline {
  /** Milliseconds until the invocation is stopped (Lambda's context.getRemainingTimeInMillis). */
  remainingMs(): number;
}

export const NO_DEADLINE: Deadline = { remainingMs: () => Number.POSITIVE_INFINITY };

/** The stage stopped before its deadline, having saved its progress: the next delivery resumes it. */
export class DeadlineReachedError extends PipelineError {
  override readonly name = "DeadlineReachedError";
  readonly retryable = true;
}

/**
 * A stop signal that reads the deadline each time it is asked (before each request), so it needs no timer
 * and follows whatever clock the deadline runs on. Aborted once less than `reserveMs` is left.
 */
export function stopBefore(deadline: Deadline, reserveMs: number): StopSignal {
  return {
    get aborted() {
      return deadline.remainingMs() <= reserveMs;
    },
    get reason() {
      return new DeadlineReachedError(
        `stopped with ${Math.round(deadline.remainingMs())} ms left before the timeout (keeps ${reserveMs} ms to save its progress)`,
      );
    },
  };
}
