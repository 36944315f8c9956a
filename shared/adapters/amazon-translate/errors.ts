import { pipelineErrorClass } from "../../errors";
import { type StopSignal, TranslationStoppedError } from "../../translate/port";

/**
 * TranslateText refused a request as too big. Requests are cut under TRANSLATE_TEXT_MAX_BYTES, so this is a
 * chunking bug, not bad input: terminal for the language, and logged loudly.
 */
export class ChunkTooLargeError extends pipelineErrorClass("ChunkTooLargeError", false) {}

/** Amazon Translate could not tell the source language, even when told the language it guessed. */
export class SourceLanguageLowConfidenceError extends pipelineErrorClass(
  "SourceLanguageLowConfidenceError",
  false,
) {}

/** Throttled or unavailable after every SDK retry: a later delivery of the job may succeed. */
export class TranslateUnavailableError extends pipelineErrorClass(
  "TranslateUnavailableError",
  true,
) {}

/** Why sending stopped: the signal's own reason (a deadline, a shutdown), or a plain stop. */
export function stopReason(signal: StopSignal): Error {
  if (signal.reason instanceof Error) return signal.reason;
  return new TranslationStoppedError("stopped before every request was sent");
}

/** An SDK error's message, for the typed error that wraps it. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
