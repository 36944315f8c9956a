/**
 * The settings the ArticlePipeline construct takes, checked by the code that checks `cdk synth -c …` and the
 * Lambdas' environment (../settings.ts, shared/pipeline/config.ts): a construct in someone else's app cannot
 * deploy settings its functions would refuse at run time.
 */
import { ConfigError, configToEnv, parseConfig } from "../../../shared/pipeline/config";
import { budgetProblem } from "../../../shared/pipeline/resources";
import {
  CONTEXT,
  OPERATIONS_CONTEXT,
  type OperationsSettings,
  operationsFromContext,
  type PipelineSettings,
  settingsFromContext,
  translateTargets,
} from "../settings";

/** A setting's value as cdk.json or `-c` gives it; a list may also be an array. */
export type SettingValue = string | number | boolean | readonly string[];

/** The deployment settings by their cdk.json context names (README, "Deploying to AWS"); absent ones default. */
export type PipelineSettingsInput = { readonly [K in keyof typeof CONTEXT]?: SettingValue };

/** Validated settings from context-style values: `pipelineSettings({ targetLanguages: ["de", "ja"] })`. */
export function pipelineSettings(input: PipelineSettingsInput = {}): PipelineSettings {
  const nameOfKey = new Map<string, string>(
    Object.entries(CONTEXT).map(([name, key]) => [key, name]),
  );
  const values: Readonly<Record<string, SettingValue | undefined>> = input;
  return settingsFromContext((key) => values[nameOfKey.get(key) ?? ""]);
}

/**
 * Settings built by hand go through the Lambdas' own parser (written out as their environment and read
 * back), Amazon Translate's language list and the stages' input budget, as context values do.
 */
export function checkedSettings(settings: PipelineSettings): PipelineSettings {
  const { resultsBucket: _placeholder, ...parsed } = parseConfig(
    configToEnv({ ...settings, resultsBucket: "validated-at-deploy" }),
  );
  const targetLanguages = translateTargets(parsed.targetLanguages);
  const problem = budgetProblem(parsed.maxInputBytes, targetLanguages.length, CONTEXT);
  if (problem) throw new ConfigError(problem);
  return { ...parsed, targetLanguages };
}

/** Alarm thresholds and retention given by field name, checked against each one's range; absent ones default. */
export function checkedOperations(given: Partial<OperationsSettings> = {}): OperationsSettings {
  const fieldOfKey = new Map(
    Object.entries(OPERATIONS_CONTEXT).map(([field, { key }]) => [key, field]),
  );
  const values: Readonly<Record<string, number | undefined>> = given;
  return operationsFromContext((key) => values[fieldOfKey.get(key) ?? ""]);
}
