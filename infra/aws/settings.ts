/**
 * CDK context → validated pipeline settings. The values go through the same parser the Lambdas use on their
 * environment (shared/pipeline/config), so a deployment cannot synthesize settings its functions would
 * refuse at run time.
 */
import type { Node } from "constructs";
import {
  ConfigError,
  ENV,
  type LogLevelName,
  type PipelineConfig,
  parseLogLevel,
  parseTargetLanguages,
} from "../../shared/pipeline/config";
import { budgetProblem } from "../../shared/pipeline/resources";
import {
  contextKeys,
  contextToEnv,
  contextValue,
  parseSettings,
  type SettingsTable,
} from "../../shared/pipeline/settings-derive";
import { type ContextSettingName, SETTINGS } from "../../shared/pipeline/settings-table";
import {
  AMAZON_TRANSLATE_LANGUAGES_URL,
  amazonTranslateCode,
} from "../../shared/translate/supported-languages";

export type PipelineSettings = Omit<PipelineConfig, "resultsBucket">;

/** CDK context keys (cdk.json "context", or `cdk synth -c key=value`), from the settings table. */
export const CONTEXT = contextKeys(SETTINGS) as { readonly [K in ContextSettingName]: string };

/**
 * The target languages as Amazon Translate spells them ("pt-br" → "pt", "zh-hant" → "zh-TW"): a code it does
 * not translate into would fail every article at run time, so it fails the synth, naming the context key.
 */
export function translateTargets(value: unknown): string[] {
  const codes: string[] = [];
  for (const code of parseTargetLanguages(CONTEXT.targetLanguages, contextValue(value))) {
    const known = amazonTranslateCode(code);
    if (!known) {
      throw new ConfigError(
        `${CONTEXT.targetLanguages}: "${code}" is not a language Amazon Translate translates into (codes: ${AMAZON_TRANSLATE_LANGUAGES_URL})`,
      );
    }
    if (!codes.includes(known)) codes.push(known);
  }
  return codes;
}

/** The target languages of a deployment with this context (its `targetLanguages`, else the default), as Translate spells them. */
export function targetLanguagesFromContext(read: (key: string) => unknown): string[] {
  return translateTargets(contextToEnv(SETTINGS, read)[ENV.targetLanguages]);
}

/**
 * The settings of a deployment from its CDK context, through the parsers the Lambdas use (`table` is the
 * settings table; a test passes its own). A key left unset takes the table's deployment default.
 */
export function settingsFromContext(
  read: (key: string) => unknown,
  table: SettingsTable = SETTINGS,
): PipelineSettings {
  const env = contextToEnv(table, read);
  const { resultsBucket: _placeholder, ...settings } = parseSettings(table, {
    ...env,
    [ENV.resultsBucket]: "validated-at-deploy",
    [ENV.targetLanguages]: translateTargets(env[ENV.targetLanguages]).join(","),
  });
  // The stages' memory and timeouts are sized for an input budget: a deployment past it would fail at run
  // time, by an out-of-memory kill or a timeout, on exactly the articles it claims to accept. An upload may
  // replace the deployment's languages with up to maxLanguagesPerUpload of its own: the budget holds for both.
  const problem =
    budgetProblem(settings.maxInputBytes, settings.targetLanguages.length, CONTEXT) ??
    budgetProblem(settings.maxInputBytes, settings.maxLanguagesPerUpload, {
      maxInputBytes: CONTEXT.maxInputBytes,
      targetLanguages: CONTEXT.maxLanguagesPerUpload,
    });
  if (problem) throw new ConfigError(problem);
  return settings;
}

export function settingsFromNode(node: Node): PipelineSettings {
  return settingsFromContext((key) => node.tryGetContext(key));
}

/** Context key of the functions' log level (POWERTOOLS_LOG_LEVEL; not a setting the handlers parse). */
export const LOG_LEVEL_CONTEXT = "logLevel";

export function logLevelFromNode(node: Node): LogLevelName {
  return parseLogLevel(LOG_LEVEL_CONTEXT, contextValue(node.tryGetContext(LOG_LEVEL_CONTEXT)));
}

/** Alarm thresholds and the ingest bucket's retention of overwritten sources (not Lambda settings). */
export interface OperationsSettings {
  /** Failed articles (or languages) per stage in 5 minutes that raise the alarm. */
  articlesFailedThreshold: number;
  /** Age in seconds of a stage's oldest queued message that raises the alarm. */
  oldestMessageSeconds: number;
  /** Failed Lambda invocations per stage in 5 minutes. */
  lambdaErrorsThreshold: number;
  /** Throttled Lambda invocations per stage in 5 minutes. */
  lambdaThrottlesThreshold: number;
  /** TranslateText requests Amazon Translate throttled in 5 minutes (the SDK retries them). */
  translateThrottledThreshold: number;
  /** Days an overwritten or deleted source stays in the versioned ingest bucket. */
  ingestNoncurrentDays: number;
}

/** Context key, default and upper bound of each operations setting. */
export const OPERATIONS_CONTEXT: Readonly<
  Record<keyof OperationsSettings, { key: string; fallback: number; max: number }>
> = {
  articlesFailedThreshold: { key: "alarmArticlesFailed", fallback: 1, max: 100_000 },
  // Longer than a translate message's visibility timeout (6 × 300 s): one retry is not an alarm.
  oldestMessageSeconds: { key: "alarmOldestMessageSeconds", fallback: 3600, max: 1_209_600 },
  lambdaErrorsThreshold: { key: "alarmLambdaErrors", fallback: 1, max: 100_000 },
  lambdaThrottlesThreshold: { key: "alarmLambdaThrottles", fallback: 1, max: 100_000 },
  translateThrottledThreshold: { key: "alarmTranslateThrottled", fallback: 10, max: 1_000_000 },
  ingestNoncurrentDays: { key: "ingestNoncurrentVersionDays", fallback: 30, max: 3650 },
};

export function operationsFromContext(read: (key: string) => unknown): OperationsSettings {
  const entries = Object.entries(OPERATIONS_CONTEXT).map(([field, { key, fallback, max }]) => {
    const raw = contextValue(read(key));
    if (raw === undefined || raw === "") return [field, fallback];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new ConfigError(
        `${key} must be an integer from 1 to ${max}, got ${JSON.stringify(raw)}`,
      );
    }
    return [field, n];
  });
  return Object.fromEntries(entries) as OperationsSettings;
}

export function operationsFromNode(node: Node): OperationsSettings {
  return operationsFromContext((key) => node.tryGetContext(key));
}

/** Context key of the optional address subscribed to the alarm topic (not a Lambda setting). */
export const ALARM_EMAIL_CONTEXT = "alarmEmail";

/** A plausible single address: SNS would accept anything and the confirmation mail would go nowhere. */
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function alarmEmailFromNode(node: Node): string | undefined {
  const value = node.tryGetContext(ALARM_EMAIL_CONTEXT) as unknown;
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || !EMAIL.test(value.trim())) {
    throw new ConfigError(
      `${ALARM_EMAIL_CONTEXT} must be one email address (got ${JSON.stringify(value)})`,
    );
  }
  return value.trim();
}
