import { Duration, RemovalPolicy } from "aws-cdk-lib";
import type { IKey } from "aws-cdk-lib/aws-kms";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  type LifecycleRule,
  ObjectOwnership,
} from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";

export interface SecureBucketProps {
  /** Where S3 server access logs go; absent only for the log bucket itself. */
  accessLogs?: IBucket;
  logPrefix?: string;
  lifecycleRules?: LifecycleRule[];
  versioned?: boolean;
  /** SSE-KMS under this key instead of SSE-S3 (never for the access log bucket: S3 cannot deliver logs to it). */
  encryptionKey?: IKey;
}

/**
 * A bucket safe by default: no public access, TLS only, SSE-S3 encryption (or SSE-KMS under a given key), ACLs disabled, access logged,
 * abandoned multipart uploads cleaned up, kept on stack deletion (it holds users' data).
 */
export function secureBucket(scope: Construct, id: string, props: SecureBucketProps = {}): Bucket {
  return new Bucket(scope, id, {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    // SSE-S3 unless a key is given: server access logs can only be delivered to SSE-S3 buckets, and no KMS key
    // to pay for or grant. Under a key, an S3 Bucket Key saves a KMS request per object.
    ...(props.encryptionKey
      ? {
          encryption: BucketEncryption.KMS,
          encryptionKey: props.encryptionKey,
          bucketKeyEnabled: true,
        }
      : { encryption: BucketEncryption.S3_MANAGED }),
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    ...(props.versioned ? { versioned: true } : {}),
    ...(props.accessLogs
      ? {
          serverAccessLogsBucket: props.accessLogs,
          serverAccessLogsPrefix: props.logPrefix ?? `${id}/`,
        }
      : {}),
    lifecycleRules: [
      { id: "abort-incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ...(props.lifecycleRules ?? []),
    ],
  });
}
