/**
 * The deployment's settings, parsed and validated once at the edge: from Lambda environment variables in the
 * handlers, from CDK context in the stack (which then writes them back as environment variables with
 * `configToEnv`), and from CLI flags in the local runner. A bad value fails loudly here, naming the setting,
 * instead of deep inside a stage.
 */
import { canonicalLanguageTag } from "../contract/language";
import type { SummaryLength } from "../contract/summary";
import { PipelineError } from "../errors";
import { DEFAULT_MAX_INPUT_BYTES } from "../limits";
import { INPUT_BUDGET, maxLanguagesFor } from "./resources";

export type Formality = "FORMAL" | "INFORMAL";

/** Amazon Translate settings in force for every request (TranslateText `Settings`, `TerminologyNames`). */
export interface TranslationSettings {
  formality?: Formality;
  /** Mask profane words and phrases. */
  profanity: boolean;
  /** Shorter translations (Translate "brevity"). */
  brevity: boolean;
  terminologyNames: string[];
}

export interface PipelineConfig {
  /** Bucket every output is written to (never the ingest bucket: outputs must not re-trigger intake). */
  resultsBucket: string;
  /** ISO 639-1 codes (with an optional region/script: "fr-CA", "zh-TW"), deduplicated, in the order given. */
  targetLanguages: string[];
  /**
   * Most languages one upload may ask for in its `target-languages` metadata (upload-languages.ts); 0 refuses
   * the metadata. Checked against the input budget at synth, as targetLanguages is.
   */
  maxLanguagesPerUpload: number;
  summaryLength: SummaryLength;
  translation: TranslationSettings;
  maxInputBytes: number;
  /**
   * Longest run of article text a log line may quote (the title preview of "article normalized"); 0 logs none.
   * Logs are kept for weeks and read by more people than the articles: keep it short.
   */
  logPreviewChars: number;
}

/** The default for logPreviewChars: enough to recognize an article, not enough to carry it. */
export const DEFAULT_LOG_PREVIEW_CHARS = 40;
const MAX_LOG_PREVIEW_CHARS = 200;

/** The default for maxLanguagesPerUpload: what the stages carry at the largest maxInputBytes, so any size holds it. */
export const DEFAULT_MAX_LANGUAGES_PER_UPLOAD = maxLanguagesFor(INPUT_BUDGET.maxInputBytes);

/** Environment variable names, shared by the stack that sets them and the handlers that read them. */
export const ENV = {
  resultsBucket: "RESULTS_BUCKET",
  targetLanguages: "TARGET_LANGUAGES",
  maxLanguagesPerUpload: "MAX_LANGUAGES_PER_UPLOAD",
  summarySentences: "SUMMARY_SENTENCES",
  /** "sentences:3" | "words:120" | "ratio:0.2"; wins over SUMMARY_SENTENCES. */
  summaryLength: "SUMMARY_LENGTH",
  translateFormality: "TRANSLATE_FORMALITY",
  translateProfanity: "TRANSLATE_PROFANITY",
  translateBrevity: "TRANSLATE_BREVITY",
  terminologyNames: "TERMINOLOGY_NAMES",
  maxInputBytes: "MAX_INPUT_BYTES",
  logPreviewChars: "LOG_PREVIEW_CHARS",
  translateQueueUrl: "TRANSLATE_QUEUE_URL",
  eventBusName: "EVENT_BUS_NAME",
  /** Read by Powertools' Logger itself: the stack sets it, no handler parses it. */
  logLevel: "POWERTOOLS_LOG_LEVEL",
} as const;

/** Powertools' log levels, most verbose first. */
export const LOG_LEVELS = [
  "TRACE",
  "DEBUG",
  "INFO",
  "WARN",
  "ERROR",
  "CRITICAL",
  "SILENT",
] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevelName = "INFO";

export function parseLogLevel(name: string, value: RawValue): LogLevelName {
  const s = text(value)?.toUpperCase();
  if (s === undefined) return DEFAULT_LOG_LEVEL;
  const level = LOG_LEVELS.find((l) => l === s);
  if (!level)
    throw new ConfigError(`${name} must be one of ${LOG_LEVELS.join(", ")}, got "${value}"`);
  return level;
}

/** A setting is missing or malformed: a deployment mistake, not something a retry can fix. */
export class ConfigError extends PipelineError {
  override readonly name = "ConfigError";
  readonly retryable = false;
}

type RawValue = string | number | boolean | undefined | null;
export type RawSettings = Readonly<Record<string, RawValue>>;

const MAX_SUMMARY_SENTENCES = 100;

function text(value: RawValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === "" ? undefined : s;
}

function list(value: RawValue): string[] {
  const s = text(value);
  if (!s) return [];
  return s
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function bool(name: string, value: RawValue, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  const s = text(value)?.toLowerCase();
  if (s === undefined) return fallback;
  if (s === "true" || s === "1" || s === "yes" || s === "on") return true;
  if (s === "false" || s === "0" || s === "no" || s === "off") return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function positiveInt(name: string, value: RawValue, fallback: number, max: number): number {
  const s = text(value);
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new ConfigError(`${name} must be an integer from 1 to ${max}, got "${value}"`);
  }
  return n;
}

export function parseTargetLanguages(name: string, value: RawValue): string[] {
  const codes: string[] = [];
  for (const raw of list(value)) {
    const code = canonicalLanguageTag(raw);
    // "und" is a valid tag but no language to translate into.
    if (code === undefined || code === "und") {
      throw new ConfigError(
        `${name}: "${raw}" is not a language code (expected ISO 639-1 like "es" or "fr-CA")`,
      );
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

export function parseSummaryLength(name: string, value: RawValue): SummaryLength | undefined {
  const s = text(value);
  if (s === undefined) return undefined;
  const match = /^(sentences|words|ratio):([0-9.]+)$/.exec(s);
  const mode = match?.[1];
  const amount = Number(match?.[2]);
  if (mode === "ratio" && amount > 0 && amount <= 1) return { mode, value: amount };
  if ((mode === "sentences" || mode === "words") && Number.isInteger(amount) && amount >= 1) {
    return { mode, value: amount };
  }
  throw new ConfigError(
    `${name} must be "sentences:N", "words:N" (N ≥ 1) or "ratio:R" (0 < R ≤ 1), got "${s}"`,
  );
}

function formality(name: string, value: RawValue): Formality | undefined {
  const s = text(value)?.toUpperCase();
  if (s === undefined) return undefined;
  if (s === "FORMAL" || s === "INFORMAL") return s;
  throw new ConfigError(`${name} must be FORMAL, INFORMAL or empty, got "${value}"`);
}

function required(name: string, value: RawValue): string {
  const s = text(value);
  if (s === undefined) throw new ConfigError(`${name} is required`);
  return s;
}

/** Parses the pipeline's settings from environment variables (names in ENV). */
export function parseConfig(env: RawSettings): PipelineConfig {
  const sentences = positiveInt(
    ENV.summarySentences,
    env[ENV.summarySentences],
    3,
    MAX_SUMMARY_SENTENCES,
  );
  const summaryLength = parseSummaryLength(ENV.summaryLength, env[ENV.summaryLength]) ?? {
    mode: "sentences",
    value: sentences,
  };
  const terminologyNames = list(env[ENV.terminologyNames]);
  if (terminologyNames.length > 1) {
    // TranslateText accepts one terminology per request (TRANSLATE_MAX_TERMINOLOGIES_PER_REQUEST).
    throw new ConfigError(
      `${ENV.terminologyNames}: Amazon Translate applies at most one terminology per request, got ${terminologyNames.length}`,
    );
  }
  const translation: TranslationSettings = {
    profanity: bool(ENV.translateProfanity, env[ENV.translateProfanity], false),
    brevity: bool(ENV.translateBrevity, env[ENV.translateBrevity], false),
    terminologyNames,
  };
  const level = formality(ENV.translateFormality, env[ENV.translateFormality]);
  if (level) translation.formality = level;
  return {
    resultsBucket: required(ENV.resultsBucket, env[ENV.resultsBucket]),
    targetLanguages: parseTargetLanguages(ENV.targetLanguages, env[ENV.targetLanguages]),
    maxLanguagesPerUpload: nonNegativeInt(
      ENV.maxLanguagesPerUpload,
      env[ENV.maxLanguagesPerUpload],
      DEFAULT_MAX_LANGUAGES_PER_UPLOAD,
      Number.MAX_SAFE_INTEGER,
    ),
    summaryLength,
    translation,
    maxInputBytes: positiveInt(
      ENV.maxInputBytes,
      env[ENV.maxInputBytes],
      DEFAULT_MAX_INPUT_BYTES,
      Number.MAX_SAFE_INTEGER,
    ),
    logPreviewChars: nonNegativeInt(
      ENV.logPreviewChars,
      env[ENV.logPreviewChars],
      DEFAULT_LOG_PREVIEW_CHARS,
      MAX_LOG_PREVIEW_CHARS,
    ),
  };
}

function nonNegativeInt(name: string, value: RawValue, fallback: number, max: number): number {
  const s = text(value);
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}, got "${s}"`);
  }
  return n;
}

/** The start of a piece of article text, cut to the configured preview length, for a log line. */
export function logPreview(textToLog: string | null | undefined, maxChars: number): string {
  if (!textToLog || maxChars <= 0) return "";
  const chars = Array.from(textToLog);
  return chars.length <= maxChars ? textToLog : `${chars.slice(0, maxChars - 1).join("")}…`;
}

/** The inverse of parseConfig: the environment variables that reproduce this config. */
export function configToEnv(config: PipelineConfig): Record<string, string> {
  const { summaryLength, translation } = config;
  return {
    [ENV.resultsBucket]: config.resultsBucket,
    [ENV.targetLanguages]: config.targetLanguages.join(","),
    [ENV.maxLanguagesPerUpload]: String(config.maxLanguagesPerUpload),
    [ENV.summaryLength]: `${summaryLength.mode}:${summaryLength.value}`,
    [ENV.translateFormality]: translation.formality ?? "",
    [ENV.translateProfanity]: String(translation.profanity),
    [ENV.translateBrevity]: String(translation.brevity),
    [ENV.terminologyNames]: translation.terminologyNames.join(","),
    [ENV.maxInputBytes]: String(config.maxInputBytes),
    [ENV.logPreviewChars]: String(config.logPreviewChars),
  };
}

/** Reads a required adapter setting (queue URL, bus name) with the same clear error. */
export function requireSetting(env: RawSettings, name: string): string {
  return required(name, env[name]);
}
