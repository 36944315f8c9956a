/**
 * The deployment's settings, parsed and validated once at the edge: from Lambda environment variables in the
 * handlers, from CDK context in the stack (which then writes them back as environment variables with
 * `configToEnv`), and from CLI flags in the local runner. A bad value fails loudly here, naming the setting,
 * instead of deep inside a stage. The settings themselves are declared in settings-table.ts.
 */
import { ConfigError, type RawSettings, type RawValue, required, text } from "./setting-parsers";
import { envNames, parseSettings, settingsToEnv } from "./settings-derive";
import { type PipelineConfig, SETTINGS } from "./settings-table";

export {
  ConfigError,
  type Formality,
  parseSummaryLength,
  parseTargetLanguages,
  type RawSettings,
} from "./setting-parsers";
export {
  DEFAULT_LOG_PREVIEW_CHARS,
  DEFAULT_MAX_LANGUAGES_PER_UPLOAD,
  type PipelineConfig,
  type TranslationSettings,
} from "./settings-table";

/** Environment variable names, shared by the stack that sets them and the handlers that read them. */
export const ENV = {
  ...envNames(SETTINGS),
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

/** Parses the pipeline's settings from environment variables (names in ENV). */
export function parseConfig(env: RawSettings): PipelineConfig {
  return parseSettings(SETTINGS, env);
}

/** The start of a piece of article text, cut to the configured preview length, for a log line. */
export function logPreview(textToLog: string | null | undefined, maxChars: number): string {
  if (!textToLog || maxChars <= 0) return "";
  const chars = Array.from(textToLog);
  return chars.length <= maxChars ? textToLog : `${chars.slice(0, maxChars - 1).join("")}…`;
}

/** The inverse of parseConfig: the environment variables that reproduce this config. */
export function configToEnv(config: PipelineConfig): Record<string, string> {
  return settingsToEnv(SETTINGS, config);
}

/** Reads a required adapter setting (queue URL, bus name) with the same clear error. */
export function requireSetting(env: RawSettings, name: string): string {
  return required(name, env[name]);
}
