import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { buildApp } from "../../infra/aws/app";
import type { PipelineStack } from "../../infra/aws/pipeline-stack";
import { defaultContext } from "../../shared/pipeline/settings-derive";
import { SETTINGS } from "../../shared/pipeline/settings-table";

/** Every setting's default, from the settings table (tests must not depend on cdk.json, which users edit). */
export const DEFAULT_CONTEXT = defaultContext(SETTINGS);

/**
 * Builds the app as `cdk synth` does, without bundling the Lambdas (an empty bundling-stacks list makes
 * CDK stage a placeholder asset): the template is what these tests assert on, and bundling is covered by
 * tests/infra/bundle-synth.test.ts.
 */
export function buildTestApp(context: Record<string, unknown> = {}): {
  app: App;
  stack: PipelineStack;
} {
  const app = new App({
    context: { ...DEFAULT_CONTEXT, ...context, "aws:cdk:bundling-stacks": [] },
  });
  return buildApp(app);
}

export function synthTemplate(context: Record<string, unknown> = {}): Template {
  return Template.fromStack(buildTestApp(context).stack);
}
