import { PipelineError } from "../../errors";
import type { PipelineConfig } from "../config";
import type {
  EventPublisher,
  ObjectStore,
  StageLogger,
  TranslateJobQueue,
  Translator,
} from "../ports";

/** What every stage needs: storage, the completion event, settings, a logger and a clock (tests fix it). */
export interface StageContext {
  store: ObjectStore;
  events: EventPublisher;
  config: PipelineConfig;
  logger: StageLogger;
  now: () => Date;
}

export interface SummarizeContext extends StageContext {
  queue: TranslateJobQueue;
}

export interface TranslateContext extends StageContext {
  translator: Translator;
}

/** Which delivery of the message this is (SQS ApproximateReceiveCount) and how many the queue allows. */
export interface Delivery {
  attempt: number;
  maxAttempts: number;
}

export type StageOutcome =
  /** The output was written (or, for failed, the error record). */
  | "written"
  /** The output for this source version already existed: nothing done, nothing billed. */
  | "skipped"
  /** The message belongs to an older source version or to an object that is gone: dropped. */
  | "stale"
  /** The article (or one language) failed for good: error record written. */
  | "failed";

/**
 * Whether to give up now and record the failure: bad input never heals; anything else is retried by the
 * queue until its last delivery, after which the article gets an error record instead of silently dying in
 * the dead-letter queue (the DLQ keeps what cannot be attributed to an article, e.g. unparseable messages).
 */
export function shouldRecordFailure(error: unknown, delivery: Delivery): boolean {
  if (error instanceof PipelineError && !error.retryable) return true;
  return delivery.attempt >= delivery.maxAttempts;
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export const JSON_TYPE = "application/json; charset=utf-8";
export const TEXT_TYPE = "text/plain; charset=utf-8";
