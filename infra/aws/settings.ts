/**
 * CDK context → validated pipeline settings. The values go through the same parser the Lambdas use on their
 * environment (shared/pipeline/config), so a deployment cannot synthesize settings its functions would
 * refuse at run time.
 */
import type { Node } from "constructs";
import { ConfigError, ENV, type PipelineConfig, parseConfig } from "../../shared/pipeline/config";
import { budgetProblem } from "../../shared/pipeline/resources";

export type PipelineSettings = Omit<PipelineConfig, "resultsBucket">;

/** CDK context keys (cdk.json "context", or `cdk synth -c key=value`). */
export const CONTEXT = {
  targetLanguages: "targetLanguages",
  summarySentences: "summarySentences",
  translateFormality: "translateFormality",
  translateProfanity: "translateProfanity",
  translateBrevity: "translateBrevity",
  terminologyNames: "terminologyNames",
  maxInputBytes: "maxInputBytes",
  logPreviewChars: "logPreviewChars",
} as const;

type ContextValue = string | number | boolean | undefined | null;

function flatten(value: unknown): ContextValue {
  // `-c` gives strings, cdk.json may give numbers, booleans or arrays.
  if (Array.isArray(value)) return value.join(",");
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object") return JSON.stringify(value);
  return value as ContextValue;
}

export function settingsFromContext(read: (key: string) => unknown): PipelineSettings {
  const { resultsBucket: _placeholder, ...settings } = parseConfig({
    [ENV.resultsBucket]: "validated-at-deploy",
    [ENV.targetLanguages]: flatten(read(CONTEXT.targetLanguages)),
    [ENV.summarySentences]: flatten(read(CONTEXT.summarySentences)),
    [ENV.translateFormality]: flatten(read(CONTEXT.translateFormality)),
    [ENV.translateProfanity]: flatten(read(CONTEXT.translateProfanity)),
    [ENV.translateBrevity]: flatten(read(CONTEXT.translateBrevity)),
    [ENV.terminologyNames]: flatten(read(CONTEXT.terminologyNames)),
    [ENV.maxInputBytes]: flatten(read(CONTEXT.maxInputBytes)),
    [ENV.logPreviewChars]: flatten(read(CONTEXT.logPreviewChars)),
  });
  // The stages' memory and timeouts are sized for an input budget: a deployment past it would fail at run
  // time, by an out-of-memory kill or a timeout, on exactly the articles it claims to accept.
  const problem = budgetProblem(settings.maxInputBytes, settings.targetLanguages.length, CONTEXT);
  if (problem) throw new ConfigError(problem);
  return settings;
}

export function settingsFromNode(node: Node): PipelineSettings {
  return settingsFromContext((key) => node.tryGetContext(key));
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
