import type { TranslationEngine } from "../contract/translation";

/** Settings an engine applied, recorded as-is in translations/<lang>.json. */
export type EngineSettings = Record<string, string | boolean | string[]>;

export interface TranslateTextsRequest {
  /** ISO 639-1 code of the source, or "und" when the normalizer could not tell (the engine may detect it). */
  sourceLanguage: string;
  targetLanguage: string;
  /** Sentences in document order; the response has exactly one translation per entry, same order. */
  texts: readonly string[];
  /**
   * What earlier deliveries of this job already paid for. An engine that bills per request answers a request
   * it finds here from it (no call, no bill) and records each request it pays for, so a delivery that fails
   * midway leaves the next one only the rest. Free engines may ignore it.
   */
  memory?: TranslationMemory;
}

/** Paid translations of one job (article version × target language), kept across deliveries. */
export interface TranslationMemory {
  /** Exact request text → the engine's answer to it. */
  readonly translations: Map<string, string>;
  /** Characters billed for every recorded answer, all deliveries so far. */
  charactersBilled: number;
  /** Answered (billed) requests behind the recorded answers, all deliveries so far. */
  requests: number;
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

/**
 * The port every translation engine implements. An engine gets sentences and returns one translation per
 * sentence: how it packs them into requests (chunking, transport, retries) is its business, so that the
 * article's structure and the summary alignment stay here in the domain and never depend on the engine.
 */
export interface Translator {
  readonly engine: Exclude<TranslationEngine, "copy">;
  readonly settings: EngineSettings;
  translateTexts(request: TranslateTextsRequest): Promise<TranslateTextsResult>;
}
