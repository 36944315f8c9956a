import { pipelineErrorClass } from "../../errors";

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
