/**
 * The names tooling reads from the deployed stack (CloudFormation outputs), kept apart from the stack so that a
 * command-line tool can read them without loading the CDK. `npm run backfill` resolves its queue and results
 * bucket through these; tests/infra/stack-outputs.test.ts checks the synthesized stack carries them.
 */

/** The stack's id in infra/aws/app.ts, so its name when deployed with `cdk deploy`. */
export const DEFAULT_STACK_NAME = "ArticlePipeline";

export const STACK_OUTPUTS = {
  ingestBucket: "IngestBucketName",
  resultsBucket: "ResultsBucketName",
  normalizeQueueUrl: "NormalizeQueueUrl",
} as const;
