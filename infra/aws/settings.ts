/**
 * CDK context → validated pipeline settings. The values go through the same parser the Lambdas use on their
 * environment (shared/pipeline/config), so a deployment cannot synthesize settings its functions would
 * refuse at run time.
 */
import type { Node } from "constructs";
import { ENV, type PipelineConfig, parseConfig } from "../../shared/pipeline/config";

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
  return settings;
}

export function settingsFromNode(node: Node): PipelineSettings {
  return settingsFromContext((key) => node.tryGetContext(key));
}
