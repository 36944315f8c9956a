/**
 * The names tooling reads from the deployed stack (CloudFormation outputs), kept apart from the stack so that a
 * command-line tool can read them without loading the CDK. `npm run backfill` resolves its queue, results
 * bucket and ingest prefix through these; tests/backfill/stack-outputs.test.ts checks the synthesized stack
 * carries them. An app of someone else's can give its stack outputs of these names to be backfilled the same way.
 */

/** The stack's id in infra/aws/app.ts, so its name when deployed with `cdk deploy`. */
export const DEFAULT_STACK_NAME = "ArticlePipeline";

export const STACK_OUTPUTS = {
  ingestBucket: "IngestBucketName",
  resultsBucket: "ResultsBucketName",
  normalizeQueueUrl: "NormalizeQueueUrl",
  /** Where in the ingest bucket articles start the pipeline (the construct's `incomingPrefix`). */
  incomingPrefix: "IncomingPrefix",
} as const;
