import { type ErrorType, isErrorType, UNEXPECTED_ERROR } from "../../contract/error-types";
import { PipelineError } from "../../errors";
import type { PipelineConfig } from "../config";
import type {
  EventPublisher,
  ObjectStore,
  StageLogger,
  TranslateJobQueue,
  Translator,
} from "../ports";
import type { Deadline } from "./deadline";

/** What every stage needs: storage, the completion event, settings, a logger and a clock (tests fix it). */
export interface StageContext {
  store: ObjectStore;
  events: EventPublisher;
  config: PipelineConfig;
  logger: StageLogger;
  now: () => Date;
  /** When the invocation will be stopped (Lambda's remaining time); none outside Lambda's limits. */
  deadline?: Deadline;
}

export interface SummarizeContext extends StageContext {
  queue: TranslateJobQueue;
}

export interface TranslateContext extends StageContext {
  translator: Translator;
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

/** The record's errorType: a PipelineError's declared type; anything else is UnexpectedError. */
export function errorName(error: unknown): ErrorType {
  return error instanceof PipelineError && isErrorType(error.name) ? error.name : UNEXPECTED_ERROR;
}

/** The record's message; an unexpected error's own name leads it, since its errorType does not say it. */
export function errorMessage(error: unknown): string {
  if (error instanceof PipelineError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export const JSON_TYPE = "application/json; charset=utf-8";
export const TEXT_TYPE = "text/plain; charset=utf-8";
