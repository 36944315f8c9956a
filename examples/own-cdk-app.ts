/**
 * The pipeline inside your own CDK app, on the bucket your CMS already writes to (README, "Use it in your own
 * CDK app", quotes this file; tests/infra/article-pipeline.test.ts synthesizes it).
 * Run: npx cdk synth --app "npx tsx examples/own-cdk-app.ts"
 */
import { pathToFileURL } from "node:url";
import { ArticlePipeline, pipelineSettings } from "article-pipeline/cdk";
import { App, CfnOutput, Stack, Validations } from "aws-cdk-lib";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { AwsSolutionsChecks } from "cdk-nag";

export function buildNewsroomApp(app = new App()): { app: App; stack: Stack } {
  const stack = new Stack(app, "Newsroom");
  const articles = new ArticlePipeline(stack, "Articles", {
    // An existing bucket: only keys under the prefix start the pipeline, and only they can be read.
    ingestBucket: Bucket.fromBucketName(stack, "CmsExports", "newsroom-cms-exports"),
    incomingPrefix: "exports/articles/",
    // The same settings and checks as `cdk deploy -c …` (README, "Deploying to AWS").
    settings: pipelineSettings({ targetLanguages: ["de", "ja"], summarySentences: 4 }),
    alarmEmail: "desk@example.com",
  });
  new CfnOutput(stack, "ResultsBucketName", { value: articles.resultsBucket.bucketName });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildNewsroomApp().app.synth();
}
