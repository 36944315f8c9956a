import { Duration, Stack, Validations } from "aws-cdk-lib";
import type { IKey } from "aws-cdk-lib/aws-kms";
import { Bucket, type IBucket } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { secureBucket } from "./secure-bucket";

export interface PipelineBucketsProps {
  /** The user's bucket articles arrive in (a new one when absent). */
  ingestBucket?: IBucket;
  /** The user's bucket outputs go to (a new one when absent). */
  resultsBucket?: IBucket;
  /** Encrypts the buckets made here (not the access log bucket, which S3 can only deliver to under SSE-S3). */
  encryptionKey?: IKey;
  /** Days an overwritten or deleted source stays in a new ingest bucket. */
  ingestNoncurrentDays: number;
}

export interface PipelineBuckets {
  ingest: IBucket;
  results: IBucket;
  /** Present when at least one bucket was made here: it receives their server access logs. */
  accessLogs?: Bucket;
}

/**
 * The ingest and results buckets: the user's own, or new ones made safe by default (./secure-bucket.ts) with
 * their access logged to a log bucket made for them. A bucket passed in is used as it is: its encryption,
 * versioning and logging stay its owner's business.
 */
export function pipelineBuckets(scope: Construct, props: PipelineBucketsProps): PipelineBuckets {
  const given = {
    ingest: props.ingestBucket && inThisStack(scope, "Ingest", props.ingestBucket),
    results: props.resultsBucket && inThisStack(scope, "Results", props.resultsBucket),
  };
  if (given.ingest && given.results) return { ingest: given.ingest, results: given.results };
  const accessLogs = secureBucket(scope, "AccessLogsBucket", {
    lifecycleRules: [{ id: "expire-access-logs", expiration: Duration.days(90) }],
  });
  Validations.of(accessLogs).acknowledge({
    id: "AwsSolutions-S1",
    reason: "This is the server access log bucket; logging its own access would recurse.",
  });
  const { encryptionKey } = props;
  // Versioned: the ingest bucket holds the only copy of each source, and an overwrite or delete is undone
  // from the previous version for as long as ingestNoncurrentVersionDays keeps it.
  const ingest =
    given.ingest ??
    secureBucket(scope, "IngestBucket", {
      accessLogs,
      logPrefix: "ingest/",
      versioned: true,
      encryptionKey,
      lifecycleRules: [
        {
          id: "expire-replaced-sources",
          noncurrentVersionExpiration: Duration.days(props.ingestNoncurrentDays),
        },
      ],
    });
  // A separate results bucket: outputs can never match the intake trigger, so no recursive loop.
  const results =
    given.results ??
    secureBucket(scope, "ResultsBucket", { accessLogs, logPrefix: "results/", encryptionKey });
  return { ingest, results, accessLogs };
}

/**
 * A bucket of another stack, imported into this one: CDK puts a bucket's notification custom resource in the
 * bucket's own stack, which would then depend on this stack's queues while this stack depends on the bucket.
 */
function inThisStack(scope: Construct, role: string, bucket: IBucket): IBucket {
  if (Stack.of(bucket) === Stack.of(scope)) return bucket;
  return Bucket.fromBucketAttributes(scope, `${role}BucketReference`, {
    bucketArn: bucket.bucketArn,
    bucketName: bucket.bucketName,
    encryptionKey: bucket.encryptionKey,
    account: bucket.env.account,
    region: bucket.env.region,
  });
}
