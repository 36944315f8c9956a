/**
 * The S3 client settings of local mode ONLY. Checksums are computed and validated only when an operation
 * requires them: s3rver keeps none to answer with (the local edge does decode and check the aws-chunked uploads
 * other clients send with the SDK's defaults, see edge.ts); path-style addressing because s3rver has no
 * per-bucket DNS names; dummy credentials because s3rver checks signatures' shape, not their secret. Never use
 * this config against AWS.
 */
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";

export const LOCAL_REGION = "us-east-1";

/** s3rver's default account: any non-empty pair signs requests it accepts. */
export const LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export function localS3ClientConfig(endpoint: string): S3ClientConfig {
  return {
    endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: { ...LOCAL_CREDENTIALS },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

export function createLocalS3Client(endpoint: string): S3Client {
  return new S3Client(localS3ClientConfig(endpoint));
}
