/**
 * What each stage runs with, and the input it is sized for: the one table read by the CDK stack (memory,
 * timeout, queue and event source), by the local runner (through the routing table's queue policy) and by
 * the handlers (the remaining-time guard). The figures are checked together by `npm run bench:limits`,
 * which runs each stage's Lambda bundle capped at this memory on the largest input the budget accepts; a
 * change here is a change to re-measure there.
 */
import { DEFAULT_MAX_INPUT_BYTES, DEFAULT_TRANSLATE_CONCURRENCY } from "../limits";

export interface StageResources {
  /** Lambda memory. CPU comes with it: 1,769 MB is one vCPU, less is a share of one. */
  memoryMb: number;
  /** The function's timeout. */
  timeoutSeconds: number;
  /** Seconds a message stays invisible while being processed: 6 × the timeout, as AWS advises for SQS. */
  visibilityTimeoutSeconds: number;
  /** Deliveries before a message moves to the dead-letter queue (AWS advises at least 5). */
  maxReceiveCount: number;
  /** Messages handed to one invocation (processed one after the other, never side by side). */
  batchSize: number;
  /** Concurrent invocations the event source may start (keeps a bulk drop from taking the account's). */
  maxConcurrency: number;
  /**
   * Time one record of the largest accepted input needs: a record after the first of a batch starts only
   * with at least this much time left; the rest go back to the queue untouched (functions/common/sqs-handler).
   */
  recordSeconds: number;
}

type Stage = "normalize" | "summarize" | "translate";

const VISIBILITY_PER_TIMEOUT = 6;

function stage(resources: Omit<StageResources, "visibilityTimeoutSeconds">): StageResources {
  return {
    ...resources,
    visibilityTimeoutSeconds: resources.timeoutSeconds * VISIBILITY_PER_TIMEOUT,
  };
}

export const STAGE_RESOURCES: Readonly<Record<Stage, StageResources>> = {
  normalize: stage({
    memoryMb: 1024,
    timeoutSeconds: 60,
    maxReceiveCount: 5,
    batchSize: 10,
    maxConcurrency: 10,
    recordSeconds: 20,
  }),
  summarize: stage({
    memoryMb: 1024,
    timeoutSeconds: 60,
    maxReceiveCount: 5,
    batchSize: 10,
    maxConcurrency: 10,
    recordSeconds: 20,
  }),
  translate: stage({
    memoryMb: 1024,
    timeoutSeconds: 300,
    maxReceiveCount: 5,
    batchSize: 1,
    // With the adapter's own cap, this bounds TranslateText calls in flight (TRANSLATE_TEXT_CALLS_IN_FLIGHT).
    // No request-rate quota is published (shared/limits.ts): the bound is the project's choice, not AWS's.
    maxConcurrency: 10,
    recordSeconds: 300,
  }),
};

/**
 * The most TranslateText requests the deployment has in flight at once: translate invocations side by side ×
 * requests in flight per invocation's adapter. What to quote when asking AWS Support about throttling.
 */
export const TRANSLATE_TEXT_CALLS_IN_FLIGHT =
  STAGE_RESOURCES.translate.maxConcurrency * DEFAULT_TRANSLATE_CONCURRENCY;

/**
 * The dead-letter consumer (functions/dead-letter): one per stage's DLQ, it reads heads and error records and
 * writes small JSON, never an article, so it is sized for none. Three tries of its own before SQS parks the
 * message unrecorded; its queue (the DLQ) is invisible for 6 × its timeout, as the stages' are.
 */
export const DEAD_LETTER_RESOURCES: StageResources = stage({
  memoryMb: 256,
  timeoutSeconds: 60,
  maxReceiveCount: 3,
  batchSize: 10,
  maxConcurrency: 2,
  recordSeconds: 10,
});

/**
 * The input the table above carries, as measured by `npm run bench:limits`: an article up to
 * `maxInputBytes` into up to `maxInputBytesTimesLanguages / maxInputBytes` languages (the translate stage
 * that finishes last holds the article and every translation to write the report, so languages multiply).
 */
export const INPUT_BUDGET = {
  /** The deployment default of `maxInputBytes` (shared/limits.ts). */
  defaultMaxInputBytes: DEFAULT_MAX_INPUT_BYTES,
  /** The largest `maxInputBytes` the table carries (into one language). */
  maxInputBytes: 4 * 1024 * 1024,
  /** The largest `maxInputBytes` × number of target languages it carries. */
  maxInputBytesTimesLanguages: 40 * 1024 * 1024,
} as const;

/** The largest number of target languages the budget carries at this maxInputBytes. */
export function maxLanguagesFor(maxInputBytes: number): number {
  return Math.floor(INPUT_BUDGET.maxInputBytesTimesLanguages / maxInputBytes);
}

/**
 * Why the stage resources cannot carry this configuration, in one sentence naming the setting to change,
 * or undefined when they can.
 */
export function budgetProblem(
  maxInputBytes: number,
  languages: number,
  names: { maxInputBytes: string; targetLanguages: string },
): string | undefined {
  const raise =
    "raise the stage memory and timeouts in shared/pipeline/resources.ts, re-run npm run bench:limits, then the budget";
  if (maxInputBytes > INPUT_BUDGET.maxInputBytes) {
    return `${names.maxInputBytes}=${maxInputBytes} is over the ${INPUT_BUDGET.maxInputBytes} bytes the stages are sized for (${raise})`;
  }
  if (maxInputBytes * languages > INPUT_BUDGET.maxInputBytesTimesLanguages) {
    return `${names.maxInputBytes}=${maxInputBytes} × ${languages} ${names.targetLanguages} is over the ${INPUT_BUDGET.maxInputBytesTimesLanguages} bytes × languages the stages are sized for: at most ${maxLanguagesFor(maxInputBytes)} languages at this size, or a smaller ${names.maxInputBytes} (or ${raise})`;
  }
  return undefined;
}
