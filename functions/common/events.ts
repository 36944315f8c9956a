/**
 * Parsing at the edge: SQS record bodies become typed inputs here, or a MalformedMessageError. A message that
 * cannot be parsed is reported as a batch item failure, retried, then kept in the dead-letter queue.
 */
import type { S3Event, SQSRecord } from "aws-lambda";
import { decodeS3EventKey, encodeS3EventKey } from "../../shared/contract/keys";
import { InputError } from "../../shared/errors";
import type { TranslateJob } from "../../shared/pipeline/ports";
import { type Delivery, delivery } from "../../shared/pipeline/stages/delivery";

export class MalformedMessageError extends InputError {
  override readonly name = "MalformedMessageError";
}

/** One object of an S3 "ObjectCreated" notification, key decoded ("+" is a space, then %-decoding). */
export interface CreatedObject {
  bucket: string;
  key: string;
  etag: string;
  size?: number;
}

type Json = Record<string, unknown>;

/** What an "object created" notification says of one object, and who announces it (local runner, backfill). */
export interface NotifiedObject extends CreatedObject {
  size: number;
  /** S3's names: "ObjectCreated:Put", "ObjectCreated:CompleteMultipartUpload", … */
  eventName: string;
  eventTime: string;
  sequencer: string;
  /** The notification's configurationId: which rule (or tool) sent it. */
  configurationId: string;
  awsRegion: string;
  /** Who made the request, in userIdentity and requestParameters. */
  principalId: string;
  sourceIp: string;
}

/**
 * The SQS message body S3 sends for one created object (one record, key form-encoded): the shape
 * parseS3Notification reads, built here for whatever stands in for S3 (the local dispatcher, a backfill).
 */
export function s3NotificationBody(object: NotifiedObject): string {
  const event: S3Event = {
    Records: [
      {
        eventVersion: "2.1",
        eventSource: "aws:s3",
        awsRegion: object.awsRegion,
        eventTime: object.eventTime,
        eventName: object.eventName,
        userIdentity: { principalId: object.principalId },
        requestParameters: { sourceIPAddress: object.sourceIp },
        responseElements: {
          "x-amz-request-id": object.principalId,
          "x-amz-id-2": object.principalId,
        },
        s3: {
          s3SchemaVersion: "1.0",
          configurationId: object.configurationId,
          bucket: {
            name: object.bucket,
            ownerIdentity: { principalId: object.principalId },
            arn: `arn:aws:s3:::${object.bucket}`,
          },
          object: {
            key: encodeS3EventKey(object.key),
            size: object.size,
            eTag: object.etag,
            sequencer: object.sequencer,
          },
        },
      },
    ],
  };
  return JSON.stringify(event);
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseBody(record: SQSRecord): unknown {
  try {
    return JSON.parse(record.body);
  } catch {
    throw new MalformedMessageError("body is not JSON", `message ${record.messageId}`);
  }
}

/**
 * The objects an S3 notification (delivered through SQS) announces. S3's "s3:TestEvent", sent once when the
 * notification is configured, announces none.
 */
export function parseS3Notification(record: SQSRecord): CreatedObject[] {
  const where = `message ${record.messageId}`;
  const body = parseBody(record);
  if (isObject(body) && body.Event === "s3:TestEvent") return [];
  if (!isObject(body) || !Array.isArray(body.Records)) {
    throw new MalformedMessageError("not an S3 event notification (no Records)", where);
  }
  return body.Records.filter(
    (r) => isObject(r) && String(r.eventName ?? "").startsWith("ObjectCreated:"),
  ).map((r) => {
    const s3 = (r as Json).s3;
    const bucket = isObject(s3) && isObject(s3.bucket) ? s3.bucket.name : undefined;
    const object = isObject(s3) && isObject(s3.object) ? s3.object : undefined;
    if (typeof bucket !== "string" || typeof object?.key !== "string") {
      throw new MalformedMessageError("S3 record without bucket name or object key", where);
    }
    let key: string;
    try {
      key = decodeS3EventKey(object.key);
    } catch {
      throw new MalformedMessageError(
        `object key "${object.key}" is not valid form-encoding`,
        where,
      );
    }
    const etag = typeof object.eTag === "string" ? object.eTag : "";
    if (!etag) throw new MalformedMessageError(`S3 record for "${key}" has no eTag`, where);
    return {
      bucket,
      key,
      etag,
      ...(typeof object.size === "number" ? { size: object.size } : {}),
    };
  });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

export function parseTranslateJob(record: SQSRecord): TranslateJob {
  const body = parseBody(record);
  const source = isObject(body) ? body.source : undefined;
  if (
    !isObject(body) ||
    typeof body.articleId !== "string" ||
    typeof body.targetLanguage !== "string" ||
    !isStringArray(body.targetLanguages) ||
    !isObject(source) ||
    typeof source.bucket !== "string" ||
    typeof source.key !== "string" ||
    typeof source.etag !== "string"
  ) {
    throw new MalformedMessageError(
      "not a translate job {articleId, source: {bucket, key, etag}, targetLanguage, targetLanguages}",
      `message ${record.messageId}`,
    );
  }
  return {
    articleId: body.articleId,
    source: { bucket: source.bucket, key: source.key, etag: source.etag },
    targetLanguage: body.targetLanguage,
    targetLanguages: body.targetLanguages,
  };
}

/** Which delivery this is; the queue moves the message to its DLQ after maxAttempts. */
export function deliveryOf(record: SQSRecord, maxAttempts: number): Delivery {
  return delivery(Number(record.attributes?.ApproximateReceiveCount), maxAttempts);
}
