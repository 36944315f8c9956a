/**
 * AWS for the handler tests, with aws-sdk-client-mock: an in-memory S3 (with conditional writes and the
 * notifications the routing table configures), SQS queues with redelivery and dead-letter semantics, and
 * recorders for EventBridge and Translate. The handlers run with the real adapters on top.
 */
import { createHash } from "node:crypto";
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from "@aws-sdk/client-eventbridge";
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
} from "@aws-sdk/client-s3";
import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { TranslateClient, TranslateTextCommand } from "@aws-sdk/client-translate";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { encodeS3EventKey } from "../../shared/contract/keys";
import {
  type BucketRole,
  routeOf,
  type StageName,
  stageForObject,
} from "../../shared/pipeline/routing";

export const INGEST = "ingest-bucket";
export const RESULTS = "results-bucket";
export const QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/111122223333/translate";

interface StoredObject {
  body: Uint8Array;
  etag: string;
  metadata: Record<string, string>;
  contentType?: string;
}

function serviceError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

function bytesOf(body: PutObjectCommandInput["Body"]): Uint8Array {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  throw new Error("fake S3 accepts string or Uint8Array bodies");
}

export type TranslateBehaviour = (input: {
  text: string;
  source: string;
  target: string;
}) => string | Error;

/** "[es] " before every line: keeps the line-per-sentence alignment and shows the translation happened. */
export const prefixTranslation: TranslateBehaviour = ({ text, target }) =>
  text
    .split("\n")
    .map((line) => `[${target}] ${line}`)
    .join("\n");

export class FakeAws {
  readonly s3 = mockClient(S3Client);
  readonly sqs = mockClient(SQSClient);
  readonly eventBridge = mockClient(EventBridgeClient);
  readonly translate = mockClient(TranslateClient);
  readonly objects = new Map<string, StoredObject>();
  readonly events: PutEventsRequestEntry[] = [];
  readonly translateCalls: { text: string; target: string }[] = [];
  readonly puts: string[] = [];
  /** Messages waiting per stage, with how often each was received. */
  readonly pending: Record<StageName, { record: SQSRecord; receives: number }[]> = {
    normalize: [],
    summarize: [],
    translate: [],
  };
  readonly deadLetters: Record<StageName, SQSRecord[]> = {
    normalize: [],
    summarize: [],
    translate: [],
  };
  translateBehaviour: TranslateBehaviour = prefixTranslation;
  private sequence = 0;

  constructor() {
    this.s3.on(GetObjectCommand).callsFake(async (input) => {
      const object = this.objects.get(`${input.Bucket}/${input.Key}`);
      if (!object) throw serviceError("NoSuchKey", 404);
      const body = object.body;
      return {
        Body: { transformToByteArray: async () => body } as never,
        ETag: `"${object.etag}"`,
        ContentLength: body.byteLength,
        Metadata: object.metadata,
        ContentType: object.contentType,
      };
    });
    this.s3.on(HeadObjectCommand).callsFake(async (input) => {
      const object = this.objects.get(`${input.Bucket}/${input.Key}`);
      if (!object) throw serviceError("NotFound", 404);
      return {
        ETag: `"${object.etag}"`,
        ContentLength: object.body.byteLength,
        Metadata: object.metadata,
        ContentType: object.contentType,
      };
    });
    this.s3.on(PutObjectCommand).callsFake(async (input) => {
      const id = `${input.Bucket}/${input.Key}`;
      const existing = this.objects.get(id);
      if (input.IfNoneMatch === "*" && existing) throw serviceError("PreconditionFailed", 412);
      if (input.IfMatch && (!existing || `"${existing.etag}"` !== input.IfMatch)) {
        throw serviceError("PreconditionFailed", 412);
      }
      const etag = this.putObject(
        input.Bucket as string,
        input.Key as string,
        bytesOf(input.Body),
        {
          metadata: input.Metadata ?? {},
          ...(input.ContentType ? { contentType: input.ContentType } : {}),
        },
      );
      return { ETag: `"${etag}"` };
    });
    this.s3.on(ListObjectsV2Command).callsFake(async (input) => ({
      Contents: [...this.objects.keys()]
        .filter((id) => id.startsWith(`${input.Bucket}/${input.Prefix ?? ""}`))
        .map((id) => ({ Key: id.slice(`${input.Bucket}/`.length) })),
      IsTruncated: false,
    }));
    this.sqs.on(SendMessageBatchCommand).callsFake(async (input) => {
      for (const entry of input.Entries ?? []) this.enqueue("translate", entry.MessageBody ?? "");
      return {
        Successful: (input.Entries ?? []).map((e: { Id?: string }) => ({ Id: e.Id })),
        Failed: [],
      };
    });
    this.eventBridge.on(PutEventsCommand).callsFake(async (input) => {
      this.events.push(...(input.Entries ?? []));
      return { FailedEntryCount: 0, Entries: [{ EventId: `e-${this.events.length}` }] };
    });
    this.translate.on(TranslateTextCommand).callsFake(async (input) => {
      const text = input.Text ?? "";
      const target = input.TargetLanguageCode ?? "";
      this.translateCalls.push({ text, target });
      const answer = this.translateBehaviour({
        text,
        source: input.SourceLanguageCode ?? "",
        target,
      });
      if (answer instanceof Error) throw answer;
      return {
        TranslatedText: answer,
        SourceLanguageCode: input.SourceLanguageCode,
        TargetLanguageCode: target,
      };
    });
  }

  /** Stores an object as S3 would, and queues the notification the routing table configures for it. */
  putObject(
    bucket: string,
    key: string,
    body: Uint8Array,
    options: { metadata?: Record<string, string>; contentType?: string } = {},
  ): string {
    const etag = createHash("md5").update(body).digest("hex");
    this.objects.set(`${bucket}/${key}`, {
      body,
      etag,
      metadata: options.metadata ?? {},
      ...(options.contentType ? { contentType: options.contentType } : {}),
    });
    this.puts.push(`${bucket}/${key}`);
    const role: BucketRole | undefined =
      bucket === INGEST ? "ingest" : bucket === RESULTS ? "results" : undefined;
    const stage = role ? stageForObject(role, key) : undefined;
    if (stage)
      this.enqueue(stage, JSON.stringify(s3Notification(bucket, key, etag, body.byteLength)));
    return etag;
  }

  upload(key: string, text: string | Uint8Array, metadata: Record<string, string> = {}): string {
    const body = typeof text === "string" ? new TextEncoder().encode(text) : text;
    return this.putObject(INGEST, key, body, { metadata });
  }

  object(bucket: string, key: string): StoredObject | undefined {
    return this.objects.get(`${bucket}/${key}`);
  }

  json<T>(bucket: string, key: string): T {
    const object = this.object(bucket, key);
    if (!object) throw new Error(`no object ${bucket}/${key}`);
    return JSON.parse(new TextDecoder().decode(object.body)) as T;
  }

  enqueue(stage: StageName, body: string): SQSRecord {
    const record = sqsRecord(`m-${++this.sequence}`, body, stage);
    this.pending[stage].push({ record, receives: 0 });
    return record;
  }

  /** Takes the next batch for a stage, as the event source mapping would (receive count incremented). */
  receive(stage: StageName): { event: SQSEvent; batch: { record: SQSRecord; receives: number }[] } {
    const batch = this.pending[stage].splice(0, routeOf(stage).queue.batchSize);
    for (const item of batch) {
      item.receives += 1;
      item.record = {
        ...item.record,
        attributes: { ...item.record.attributes, ApproximateReceiveCount: String(item.receives) },
      };
    }
    return { event: { Records: batch.map((b) => b.record) }, batch };
  }

  /** Failed records go back to the queue, or to the DLQ after maxReceiveCount receives. */
  settle(
    stage: StageName,
    batch: { record: SQSRecord; receives: number }[],
    failedIds: string[],
  ): void {
    for (const item of batch) {
      if (!failedIds.includes(item.record.messageId)) continue;
      if (item.receives >= routeOf(stage).queue.maxReceiveCount)
        this.deadLetters[stage].push(item.record);
      else this.pending[stage].push(item);
    }
  }

  restore(): void {
    this.s3.restore();
    this.sqs.restore();
    this.eventBridge.restore();
    this.translate.restore();
  }
}

export function s3Notification(bucket: string, key: string, etag: string, size: number) {
  return {
    Records: [
      {
        eventVersion: "2.1",
        eventSource: "aws:s3",
        awsRegion: "eu-west-1",
        eventTime: new Date(0).toISOString(),
        eventName: "ObjectCreated:Put",
        s3: {
          s3SchemaVersion: "1.0",
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeS3EventKey(key), size, eTag: etag, sequencer: "0" },
        },
      },
    ],
  };
}

export function sqsRecord(messageId: string, body: string, stage: string): SQSRecord {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: "1",
      SentTimestamp: "0",
      SenderId: "test",
      ApproximateFirstReceiveTimestamp: "0",
    },
    messageAttributes: {},
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: `arn:aws:sqs:eu-west-1:111122223333:${stage}`,
    awsRegion: "eu-west-1",
  };
}
