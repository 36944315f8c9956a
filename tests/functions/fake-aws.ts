/**
 * AWS for the handler tests, with aws-sdk-client-mock: S3 is the tests' one in-memory S3 (tests/support, S3's
 * conditional-write answers) plus the notifications the routing table configures; SQS queues redeliver and
 * dead-letter by the local queues' own rules (infra/local/dispatcher/messages.ts); EventBridge and Translate
 * are recorders. The handlers run with the real adapters on top.
 */
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
  S3Client,
} from "@aws-sdk/client-s3";
import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { TranslateClient, TranslateTextCommand } from "@aws-sdk/client-translate";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import {
  afterFailure,
  failedIds,
  newMessage,
  type QueueMessage,
  receive,
  sqsRecord as recordOf,
} from "../../infra/local/dispatcher/messages";
import { encodeS3EventKey } from "../../shared/contract/keys";
import {
  type BucketRole,
  routeOf,
  type StageName,
  stageForObject,
} from "../../shared/pipeline/routing";
import { type MemoryObject, MemoryS3 } from "../support/memory-s3";

export const INGEST = "ingest-bucket";
export const RESULTS = "results-bucket";
export const QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/111122223333/translate";

const queueArn = (stage: string) => `arn:aws:sqs:eu-west-1:111122223333:${stage}`;

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
  readonly bucket = new MemoryS3();
  readonly objects = this.bucket.objects;
  readonly puts = this.bucket.puts;
  readonly events: PutEventsRequestEntry[] = [];
  readonly translateCalls: { text: string; target: string }[] = [];
  /** Messages waiting per stage, each with how often it was received. */
  readonly pending: Record<StageName, QueueMessage[]> = {
    normalize: [],
    summarize: [],
    translate: [],
  };
  readonly deadLetters: Record<StageName, QueueMessage[]> = {
    normalize: [],
    summarize: [],
    translate: [],
  };
  translateBehaviour: TranslateBehaviour = prefixTranslation;
  private sequence = 0;

  constructor() {
    this.bucket.onPut = (bucket, key, object) => this.notify(bucket, key, object);
    this.s3.on(GetObjectCommand).callsFake(async (input) => this.bucket.getObject(input));
    this.s3.on(HeadObjectCommand).callsFake(async (input) => this.bucket.headObject(input));
    this.s3.on(PutObjectCommand).callsFake(async (input) => this.bucket.putObject(input));
    this.s3.on(ListObjectsV2Command).callsFake(async (input) => this.bucket.listObjectsV2(input));
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

  /** Stores an object as S3 would (and so queues the notification the routing table configures for it). */
  putObject(
    bucket: string,
    key: string,
    body: Uint8Array,
    options: { metadata?: Record<string, string>; contentType?: string } = {},
  ): string {
    this.bucket.putObject({
      Bucket: bucket,
      Key: key,
      Body: body,
      Metadata: options.metadata ?? {},
      ...(options.contentType ? { ContentType: options.contentType } : {}),
    });
    return this.bucket.object(bucket, key)?.etag as string;
  }

  upload(key: string, text: string | Uint8Array, metadata: Record<string, string> = {}): string {
    const body = typeof text === "string" ? new TextEncoder().encode(text) : text;
    return this.putObject(INGEST, key, body, { metadata });
  }

  object(bucket: string, key: string): MemoryObject | undefined {
    return this.bucket.object(bucket, key);
  }

  json<T>(bucket: string, key: string): T {
    const object = this.object(bucket, key);
    if (!object) throw new Error(`no object ${bucket}/${key}`);
    return JSON.parse(new TextDecoder().decode(object.body)) as T;
  }

  enqueue(stage: StageName, body: string): QueueMessage {
    const message = newMessage(body, `m-${++this.sequence}`, 0);
    this.pending[stage].push(message);
    return message;
  }

  /** Takes the next batch for a stage, as the event source mapping would (receive count incremented). */
  receive(stage: StageName): { event: SQSEvent; batch: QueueMessage[] } {
    const batch = this.pending[stage].splice(0, routeOf(stage).queue.batchSize);
    return { event: this.deliver(stage, batch), batch };
  }

  /** Hands these messages to an invocation (a receive: each counts a delivery) as its event. */
  deliver(stage: StageName, batch: QueueMessage[]): SQSEvent {
    receive(batch, 0);
    return { Records: batch.map((message) => recordOf(message, queueArn(stage))) };
  }

  /** Failed records go back to the queue, or to the DLQ after maxReceiveCount receives. */
  settle(stage: StageName, batch: QueueMessage[], response: SQSBatchResponse): void {
    const failed = failedIds(batch, response);
    for (const message of batch) {
      if (!failed.has(message.messageId)) continue;
      if (afterFailure(message, routeOf(stage).queue) === "dead-letter")
        this.deadLetters[stage].push(message);
      else this.pending[stage].push(message);
    }
  }

  restore(): void {
    this.s3.restore();
    this.sqs.restore();
    this.eventBridge.restore();
    this.translate.restore();
  }

  private notify(bucket: string, key: string, object: MemoryObject): void {
    const role: BucketRole | undefined =
      bucket === INGEST ? "ingest" : bucket === RESULTS ? "results" : undefined;
    const stage = role ? stageForObject(role, key) : undefined;
    if (stage) {
      this.enqueue(
        stage,
        JSON.stringify(s3Notification(bucket, key, object.etag, object.body.byteLength)),
      );
    }
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

/** A first delivery of a message with this id and body, on the stage's queue. */
export function sqsRecord(messageId: string, body: string, stage: string): SQSRecord {
  const message = newMessage(body, messageId, 0);
  receive([message], 0);
  return recordOf(message, queueArn(stage));
}
