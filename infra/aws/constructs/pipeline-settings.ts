/**
 * The settings the ArticlePipeline construct takes, checked by the code that checks `cdk synth -c …` and the
 * Lambdas' environment (../settings.ts, shared/pipeline/config.ts): a construct in someone else's app cannot
 * deploy settings its functions would refuse at run time.
 */
import { configToEnv, ENV, parseConfig } from "../../../shared/pipeline/config";
import {
  CONTEXT,
  OPERATIONS_CONTEXT,
  type OperationsSettings,
  operationsFromContext,
  type PipelineSettings,
  settingsFromContext,
} from "../settings";

/** A setting's value as cdk.json or `-c` gives it; a list may also be an array. */
export type SettingValue = string | number | boolean | readonly string[];

/** The deployment settings by their cdk.json context names (README, "Deploying to AWS"); absent ones default. */
export type PipelineSettingsInput = { readonly [K in keyof typeof CONTEXT]?: SettingValue };

/** Validated settings from context-style values: `pipelineSettings({ targetLanguages: ["de", "ja"] })`. */
export function pipelineSettings(input: PipelineSettingsInput = {}): PipelineSettings {
  const nameOfKey = contextNames();
  const values: Readonly<Record<string, SettingValue | undefined>> = input;
  return settingsFromContext((key) => values[nameOfKey.get(key) ?? ""]);
}

/**
 * Settings built by hand (or edited: `{ ...pipelineSettings(), maxInputBytes }`) get every check context values
 * get: written out as the functions' environment, then read back through the context reader, so Amazon
 * Translate's language list and the input budget apply too, whatever checks that reader grows.
 */
export function checkedSettings(settings: PipelineSettings): PipelineSettings {
  const env = configToEnv({ ...settings, resultsBucket: "validated-at-deploy" });
  const envNames: Readonly<Record<string, string>> = ENV;
  const nameOfKey = contextNames();
  const checked = settingsFromContext((key) => env[envNames[nameOfKey.get(key) ?? ""] ?? ""]);
  // The environment carries the summary length as SUMMARY_LENGTH, which the parser has just checked; the
  // context may only know summarySentences.
  return { ...checked, summaryLength: parseConfig(env).summaryLength };
}

/** Context key → setting name (the same words today; the table may one day spell a key differently). */
function contextNames(): Map<string, string> {
  return new Map(Object.entries(CONTEXT).map(([name, key]): [string, string] => [key, name]));
}

/** Alarm thresholds and retention given by field name, checked against each one's range; absent ones default. */
export function checkedOperations(given: Partial<OperationsSettings> = {}): OperationsSettings {
  const fieldOfKey = new Map(
    Object.entries(OPERATIONS_CONTEXT).map(([field, { key }]) => [key, field]),
  );
  const values: Readonly<Record<string, number | undefined>> = given;
  return operationsFromContext((key) => values[fieldOfKey.get(key) ?? ""]);
}
