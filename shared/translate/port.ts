import type { TranslationEngine } from "../contract/translation";
import { PipelineError } from "../errors";

/** Settings an engine applied, recorded as-is in translations/<lang>.json. */
export type EngineSettings = Record<string, string | boolean | string[]>;

/** Tells an engine to stop sending requests (an AbortSignal fits; so does a deadline read on demand). */
export interface StopSignal {
  readonly aborted: boolean;
  /** Thrown by the engine when it stopped, if it is an Error. */
  readonly reason?: unknown;
}

export interface TranslateTextsRequest {
  /** ISO 639-1 code of the source, or "und" when the normalizer could not tell (the engine may detect it). */
  sourceLanguage: string;
  targetLanguage: string;
  /** Sentences in document order; the response has exactly one translation per entry, same order. */
  texts: readonly string[];
  /**
   * Translations the caller already has (paid for by an earlier attempt), aligned with `texts`. The engine
   * sends none of them and returns them as they are; it still plans its requests over every text, so a
   * resumed call sends exactly the requests a call in one go would have sent, less those already answered.
   */
  translated?: readonly (string | undefined)[];
  /**
   * Once aborted, the engine sends no further request; those in flight finish (they are paid for), then it
   * throws with the partial translation attached (see withPartialTranslation). Engines that translate in one
   * indivisible step may ignore it.
   */
  signal?: StopSignal;
}

export interface TranslateTextsResult {
  texts: string[];
  /** Characters sent to the engine (what Amazon Translate bills: every character, separators included). */
  charactersBilled: number;
  /** Engine calls made (TranslateText requests, Apertium processes). */
  requests: number;
  /** The source language the engine used, when it detected it (source "und"). */
  detectedSourceLanguage?: string;
}

/** What an engine got, and paid for, before it failed or stopped: one entry per request text. */
export interface PartialTranslation {
  /** The translation of texts[i], or undefined where it has none (not sent, refused, or only partly answered). */
  texts: (string | undefined)[];
  /** Characters of every answered request, those of sentences left without a translation included. */
  charactersBilled: number;
  /** Answered requests. */
  requests: number;
  detectedSourceLanguage?: string;
}

/**
 * The port every translation engine implements: sentences in, sentences out. An engine gets sentences and
 * returns one translation per sentence: how it packs them into requests (chunking, transport, retries) is its
 * business, so that the article's structure and the summary alignment stay here in the domain and never
 * depend on the engine. What was already paid for is the caller's to keep: it passes the translations it has,
 * and an engine that bills per request reports, when it fails or stops, what it got.
 */
export interface Translator {
  readonly engine: Exclude<TranslationEngine, "copy">;
  readonly settings: EngineSettings;
  translateTexts(request: TranslateTextsRequest): Promise<TranslateTextsResult>;
}

/** The engine stopped sending because its StopSignal was aborted without a reason of its own. */
export class TranslationStoppedError extends PipelineError {
  override readonly name = "TranslationStoppedError";
  readonly retryable = true;
}

const PARTIAL = Symbol.for("article-pipeline.partialTranslation");

/**
 * Attaches what was translated before `error` to it, keeping its type (an UnsupportedLanguagePairError stays
 * one, so the error record names it). Non-objects are wrapped in an Error first.
 */
export function withPartialTranslation(error: unknown, partial: PartialTranslation): Error {
  const carrier = error instanceof Error ? error : new Error(String(error));
  Object.defineProperty(carrier, PARTIAL, {
    value: partial,
    enumerable: false,
    configurable: true,
  });
  return carrier;
}

/** The partial translation an engine attached to its error, if any. */
export function partialTranslationOf(error: unknown): PartialTranslation | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  return (error as { [PARTIAL]?: PartialTranslation })[PARTIAL];
}
