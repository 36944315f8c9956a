/**
 * Every pipeline setting, declared once: its environment variable, its CDK context key, its parser and default,
 * where it lives in PipelineConfig, and the line the README shows for it. ENV, CONTEXT, parseConfig,
 * configToEnv, the CDK context reader, the README's table of settings and the tests' defaults all derive from
 * SETTINGS (settings-derive.ts), so a new setting is one field here and one row below.
 */
import type { SummaryLength } from "../contract/summary";
import { DEFAULT_MAX_INPUT_BYTES } from "../limits";
import { INPUT_BUDGET, maxLanguagesFor } from "./resources";
import {
  bool,
  ConfigError,
  type Formality,
  formality,
  list,
  nonNegativeInt,
  parseSummaryLength,
  parseTargetLanguages,
  positiveInt,
  type RawValue,
  required,
} from "./setting-parsers";

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
  /** Canonical language tags ("es", "fr-CA", "zh-TW"), deduplicated, in the order given. */
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

/** One setting. `T` is its parsed value. */
export interface Setting<T> {
  /** Environment variable the Lambdas read. */
  env: string;
  /** CDK context key (`cdk synth -c key=value`); none for what the stack sets itself (the results bucket). */
  context?: string;
  /** The value from its raw form, the default when empty, or a ConfigError naming `name`. */
  parse(name: string, raw: RawValue): T;
  /** Its value in a parsed config; none for an input that only feeds another setting. */
  read?(config: PipelineConfig): T;
  /** Puts a parsed value into the config being built (not called for an undefined value). */
  write?(config: PipelineConfig, value: T): void;
  /** The raw form of a value (default: lists joined by ",", undefined as "", anything else as String). */
  format?(value: T): string;
  /** The default of a deployment, when it differs from the Lambdas' own (a Lambda left unset translates nothing). */
  deployDefault?: string;
  /** The default as the README states it, when the parsed default would not say it. */
  defaultText?: string;
  /** What it does, one line for the README. */
  doc: string;
}

type Row<T, C> = Setting<T> & { context: C };

/** Keeps each row's context key literal, so that CONTEXT knows which settings have one. */
export function setting<T, const C extends string | undefined = undefined>(
  row: Setting<T> & { context?: C },
): Row<T, C> {
  return { ...row, context: row.context as C };
}

type PlainField = Exclude<keyof PipelineConfig, "summaryLength" | "translation">;

/** read and write of a setting that is one field of the config, as it is. */
function field<K extends PlainField>(
  key: K,
): Required<Pick<Setting<PipelineConfig[K]>, "read" | "write">> {
  return {
    read: (c) => c[key],
    write: (c, v) => {
      c[key] = v;
    },
  };
}

/** read and write of a setting that is one field of the config's Amazon Translate settings. */
function translationField<K extends keyof TranslationSettings>(
  key: K,
): Required<Pick<Setting<TranslationSettings[K]>, "read" | "write">> {
  return {
    read: (c) => c.translation[key],
    write: (c, v) => {
      c.translation[key] = v;
    },
  };
}

/** The default for logPreviewChars: enough to recognize an article, not enough to carry it. */
export const DEFAULT_LOG_PREVIEW_CHARS = 40;
const MAX_LOG_PREVIEW_CHARS = 200;
/** The default for maxLanguagesPerUpload: what the stages carry at the largest maxInputBytes, so any size holds it. */
export const DEFAULT_MAX_LANGUAGES_PER_UPLOAD = maxLanguagesFor(INPUT_BUDGET.maxInputBytes);
const DEFAULT_SUMMARY_SENTENCES = 3;
const MAX_SUMMARY_SENTENCES = 100;

export const SETTINGS = {
  resultsBucket: setting({
    env: "RESULTS_BUCKET",
    parse: required,
    ...field("resultsBucket"),
    doc: "the bucket every output is written to (the stack sets it)",
  }),
  targetLanguages: setting({
    env: "TARGET_LANGUAGES",
    context: "targetLanguages",
    parse: parseTargetLanguages,
    ...field("targetLanguages"),
    deployDefault: "es,fr",
    doc: "comma-separated languages to translate into (codes Amazon Translate knows; see below)",
  }),
  maxLanguagesPerUpload: setting({
    env: "MAX_LANGUAGES_PER_UPLOAD",
    context: "maxLanguagesPerUpload",
    parse: (name, raw) =>
      nonNegativeInt(name, raw, DEFAULT_MAX_LANGUAGES_PER_UPLOAD, Number.MAX_SAFE_INTEGER),
    ...field("maxLanguagesPerUpload"),
    doc: "most languages one upload may name in its `target-languages` metadata; 0 refuses the metadata. Held to the input budget like `targetLanguages` (see [Limits](#limits-what-the-pipeline-carries))",
  }),
  // Before summarySentences, which only fills in summaryLength when this one is not set.
  summaryLength: setting({
    env: "SUMMARY_LENGTH",
    context: "summaryLength",
    parse: parseSummaryLength,
    read: (c) => c.summaryLength,
    write: (c, v) => {
      if (v) c.summaryLength = v;
    },
    format: (v) => (v ? `${v.mode}:${v.value}` : ""),
    defaultText: "`sentences:<summarySentences>`",
    doc: '`"sentences:N"`, `"words:N"` or `"ratio:R"`; wins over `summarySentences`',
  }),
  summarySentences: setting({
    env: "SUMMARY_SENTENCES",
    context: "summarySentences",
    parse: (name, raw) => positiveInt(name, raw, DEFAULT_SUMMARY_SENTENCES, MAX_SUMMARY_SENTENCES),
    write: (c, v) => {
      c.summaryLength ??= { mode: "sentences", value: v };
    },
    doc: "sentences in the summary",
  }),
  translateFormality: setting({
    env: "TRANSLATE_FORMALITY",
    context: "translateFormality",
    parse: formality,
    ...translationField("formality"),
    doc: "`FORMAL` or `INFORMAL` (Amazon Translate's formality; empty for its default)",
  }),
  translateProfanity: setting({
    env: "TRANSLATE_PROFANITY",
    context: "translateProfanity",
    parse: (name, raw) => bool(name, raw, false),
    ...translationField("profanity"),
    doc: "mask profane words and phrases in translations",
  }),
  translateBrevity: setting({
    env: "TRANSLATE_BREVITY",
    context: "translateBrevity",
    parse: (name, raw) => bool(name, raw, false),
    ...translationField("brevity"),
    doc: "shorter translations (Amazon Translate's brevity)",
  }),
  terminologyNames: setting({
    env: "TERMINOLOGY_NAMES",
    context: "terminologyNames",
    parse: (name, raw) => {
      const names = list(raw);
      // TranslateText accepts one terminology per request (TRANSLATE_MAX_TERMINOLOGIES_PER_REQUEST).
      if (names.length > 1) {
        throw new ConfigError(
          `${name}: Amazon Translate applies at most one terminology per request, got ${names.length}`,
        );
      }
      return names;
    },
    ...translationField("terminologyNames"),
    doc: "the Amazon Translate custom terminology applied to every request (at most one)",
  }),
  maxInputBytes: setting({
    env: "MAX_INPUT_BYTES",
    context: "maxInputBytes",
    parse: (name, raw) => positiveInt(name, raw, DEFAULT_MAX_INPUT_BYTES, Number.MAX_SAFE_INTEGER),
    ...field("maxInputBytes"),
    doc: "largest source file accepted; the stages are sized for it (see Limits)",
  }),
  logPreviewChars: setting({
    env: "LOG_PREVIEW_CHARS",
    context: "logPreviewChars",
    parse: (name, raw) =>
      nonNegativeInt(name, raw, DEFAULT_LOG_PREVIEW_CHARS, MAX_LOG_PREVIEW_CHARS),
    ...field("logPreviewChars"),
    doc: "most article text a log line may quote (a title preview; 0 for none)",
  }),
};

export type SettingName = keyof typeof SETTINGS;
/** The settings a deployment sets through CDK context. */
export type ContextSettingName = {
  [K in SettingName]: (typeof SETTINGS)[K]["context"] extends string ? K : never;
}[SettingName];
