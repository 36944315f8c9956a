/**
 * The CDK app (cdk.json: `npx tsx infra/aws/app.ts`). Synthesizes offline: no lookups, no credentials; the
 * account and region come from the CLI's environment when present and stay unresolved otherwise.
 */
import { pathToFileURL } from "node:url";
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { ConfigError } from "../../shared/pipeline/config";
import { PipelineStack } from "./pipeline-stack";
import {
  alarmEmailFromNode,
  logLevelFromNode,
  operationsFromNode,
  settingsFromNode,
} from "./settings";

export function buildApp(app = new App()): { app: App; stack: PipelineStack } {
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = process.env.CDK_DEFAULT_REGION;
  const stack = new PipelineStack(app, "ArticlePipeline", {
    settings: settingsFromNode(app.node),
    alarmEmail: alarmEmailFromNode(app.node),
    operations: operationsFromNode(app.node),
    logLevel: logLevelFromNode(app.node),
    description: "Article pipeline: normalize, summarize, translate news articles dropped in S3",
    ...(account && region ? { env: { account, region } } : {}),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

const isEntryPoint = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  try {
    buildApp().app.synth();
  } catch (error) {
    // A setting the stack refuses is the user's to fix: one line naming it, not a stack trace.
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Invalid setting: ${error.message}`);
    process.exitCode = 1;
  }
}
