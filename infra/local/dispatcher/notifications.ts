/**
 * s3rver's events, made to look like what real S3 sends to SQS, then routed by the shared routing table.
 * The differences measured with s3rver 3.7.1, each corrected here so the handlers see AWS's shape:
 * keys arrive raw (S3 form-encodes them), a completed multipart upload is "ObjectCreated:Post" (S3:
 * "ObjectCreated:CompleteMultipartUpload"), a copy carries no eTag, and there is no prefix/suffix filter.
 */
import type { S3rverEvent } from "s3rver";
import { s3NotificationBody } from "../../../functions/common/events";
import { type BucketRole, type StageName, stageForObject } from "../../../shared/pipeline/routing";
import type { LocalBuckets } from "../s3/server";

type S3rverRecord = S3rverEvent["Records"][number];

/** s3rver names multipart completion (and browser POST uploads, which local mode never makes) "Post". */
const EVENT_NAMES: Record<string, string> = {
  "ObjectCreated:Post": "ObjectCreated:CompleteMultipartUpload",
};

export interface RoutedObject {
  stage: StageName;
  bucket: string;
  /** The decoded key, as stored. */
  key: string;
  eventName: string;
  size?: number;
  /** Missing for copies; the dispatcher reads it with a HEAD before sending. */
  eTag?: string;
  eventTime: string;
  sequencer: string;
}

export function roleOf(buckets: LocalBuckets, bucket: string): BucketRole | undefined {
  if (bucket === buckets.ingest) return "ingest";
  if (bucket === buckets.results) return "results";
  return undefined;
}

/** The stage this record starts, or undefined when no route matches (deletes, other prefixes, outputs). */
export function routeRecord(buckets: LocalBuckets, record: S3rverRecord): RoutedObject | undefined {
  if (!record.eventName.startsWith("ObjectCreated:")) return undefined;
  const role = roleOf(buckets, record.s3.bucket.name);
  if (!role) return undefined;
  const stage = stageForObject(role, record.s3.object.key);
  if (!stage) return undefined;
  const { object } = record.s3;
  return {
    stage,
    bucket: record.s3.bucket.name,
    key: object.key,
    eventName: EVENT_NAMES[record.eventName] ?? record.eventName,
    ...(object.size !== undefined ? { size: Number(object.size) } : {}),
    ...(object.eTag ? { eTag: object.eTag } : {}),
    eventTime: record.eventTime,
    sequencer: object.sequencer,
  };
}

/** The SQS message body S3 would send for this object, from the local stand-in. */
export function notificationBody(object: RoutedObject & { eTag: string }): string {
  return s3NotificationBody({
    bucket: object.bucket,
    key: object.key,
    etag: object.eTag,
    size: object.size ?? 0,
    eventName: object.eventName,
    eventTime: object.eventTime,
    sequencer: object.sequencer,
    configurationId: `local-${object.stage}`,
    awsRegion: "us-east-1",
    principalId: "local",
    sourceIp: "127.0.0.1",
  });
}
