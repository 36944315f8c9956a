/**
 * Which delivery of a message a stage is running, decided here once: SQS counts receives
 * (ApproximateReceiveCount) and moves the message to its dead-letter queue after `maxAttempts`. Every rule that
 * depends on it reads `isRetry` or `isLast`, never the numbers.
 */
import { PipelineError } from "../../errors";

export interface Delivery {
  attempt: number;
  maxAttempts: number;
  /**
   * A delivery before this one ran and did not succeed (it failed, timed out or was killed). It may have
   * stopped anywhere, e.g. between a manifest and its event, so what is found done is announced again.
   */
  isRetry: boolean;
  /** No delivery comes after this one: a failure must be recorded now or the article is never finished. */
  isLast: boolean;
}

export function delivery(attempt: number, maxAttempts: number): Delivery {
  const at = Number.isFinite(attempt) && attempt >= 1 ? Math.floor(attempt) : 1;
  return { attempt: at, maxAttempts, isRetry: at > 1, isLast: at >= maxAttempts };
}

/**
 * Whether to give up now and record the failure: bad input never heals; anything else is retried by the
 * queue until its last delivery, after which the article gets an error record instead of silently dying in
 * the dead-letter queue (the DLQ keeps what cannot be attributed to an article, e.g. unparseable messages).
 */
export function shouldRecordFailure(error: unknown, at: Delivery): boolean {
  if (error instanceof PipelineError && !error.retryable) return true;
  return at.isLast;
}

/**
 * What the dead-letter consumer runs as: after the last delivery. A retry (the deliveries before it did not
 * succeed, so what it finds done is announced again) and the last word (nothing is left for later).
 */
export function afterLastDelivery(maxAttempts: number): Delivery {
  return { attempt: maxAttempts + 1, maxAttempts, isRetry: true, isLast: true };
}
