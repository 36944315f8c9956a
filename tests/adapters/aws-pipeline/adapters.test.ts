import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import {
  EventBridgePublisher,
  EventNotPublishedError,
} from "../../../shared/adapters/eventbridge/event-publisher";
import {
  ConditionalWriteConflictError,
  S3ObjectStore,
} from "../../../shared/adapters/s3/object-store";
import {
  JobsNotSentError,
  SqsTranslateJobQueue,
} from "../../../shared/adapters/sqs/translate-job-queue";
import type { TranslateJob } from "../../../shared/pipeline/ports";

const CLIENT = { region: "eu-west-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } };
const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
const eventBridge = mockClient(EventBridgeClient);

function serviceError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

afterEach(() => {
  s3.reset();
  sqs.reset();
  eventBridge.reset();
});

describe("S3ObjectStore", () => {
  const store = new S3ObjectStore(new S3Client(CLIENT));

  it("should return undefined for a missing key on GET and HEAD, and strip the ETag quotes", async () => {
    // Prepare
    s3.on(GetObjectCommand).rejects(serviceError("NoSuchKey", 404));
    s3.on(HeadObjectCommand, { Key: "a" }).resolves({
      ETag: '"abc"',
      ContentLength: 3,
      Metadata: { x: "1" },
    });
    s3.on(HeadObjectCommand, { Key: "missing" }).rejects(serviceError("NotFound", 404));
    // Act + Assess
    expect(await store.get("b", "missing")).toBeUndefined();
    expect(await store.head("b", "missing")).toBeUndefined();
    expect(await store.head("b", "a")).toEqual({ etag: "abc", size: 3, metadata: { x: "1" } });
  });

  it("should not hide other errors (403 is a permission problem, not absence)", async () => {
    s3.on(HeadObjectCommand).rejects(serviceError("Forbidden", 403));
    await expect(store.head("b", "a")).rejects.toThrow("Forbidden");
  });

  it("should write with If-None-Match: * and report a lost race as written: false", async () => {
    // Prepare
    s3.on(PutObjectCommand)
      .resolvesOnce({ ETag: '"e1"' })
      .rejects(serviceError("PreconditionFailed", 412));
    // Act
    const first = await store.putConditional("b", "k", "{}", { contentType: "application/json" });
    const second = await store.putConditional("b", "k", "{}");
    // Assess
    expect(first).toEqual({ written: true, etag: "e1" });
    expect(second).toEqual({ written: false });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      IfNoneMatch: "*",
      ContentType: "application/json",
    });
  });

  it("should compare-and-swap with If-Match on the quoted etag when replacing", async () => {
    s3.on(PutObjectCommand).resolves({ ETag: '"e2"' });
    await store.putConditional("b", "k", "{}", { ifMatch: "e1" });
    const input = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input?.IfMatch).toBe('"e1"');
    expect(input?.IfNoneMatch).toBeUndefined();
  });

  it("should turn 409 ConditionalRequestConflict into a retryable error", async () => {
    s3.on(PutObjectCommand).rejects(serviceError("ConditionalRequestConflict", 409));
    const error = await store.putConditional("b", "k", "{}").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConditionalWriteConflictError);
    expect((error as ConditionalWriteConflictError).retryable).toBe(true);
  });

  it("should list every page", async () => {
    s3.on(ListObjectsV2Command)
      .resolvesOnce({ Contents: [{ Key: "p/1" }], IsTruncated: true, NextContinuationToken: "t" })
      .resolvesOnce({ Contents: [{ Key: "p/2" }], IsTruncated: false });
    expect(await store.list("b", "p/")).toEqual(["p/1", "p/2"]);
    expect(s3.commandCalls(ListObjectsV2Command)[1]?.args[0].input.ContinuationToken).toBe("t");
  });
});

describe("SqsTranslateJobQueue", () => {
  const job = (lang: string): TranslateJob => ({
    articleId: "a",
    source: { bucket: "b", key: "incoming/a.txt", etag: "e" },
    targetLanguage: lang,
    targetLanguages: [],
  });

  it("should send one message per job, at most 10 per batch call", async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const queue = new SqsTranslateJobQueue(new SQSClient(CLIENT), "https://q");
    const langs = Array.from({ length: 12 }, (_, i) => `l${i}`);
    // Act
    await queue.send(langs.map(job));
    // Assess
    const calls = sqs
      .commandCalls(SendMessageBatchCommand)
      .map((c) => c.args[0].input.Entries ?? []);
    expect(calls.map((entries) => entries.length)).toEqual([10, 2]);
    expect(JSON.parse(calls[1]?.[1]?.MessageBody ?? "{}").targetLanguage).toBe("l11");
  });

  it("should fail (so the delivery is retried) when SQS refuses an entry", async () => {
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [],
      Failed: [{ Id: "0", Code: "InternalError", SenderFault: false }],
    });
    const queue = new SqsTranslateJobQueue(new SQSClient(CLIENT), "https://q");
    await expect(queue.send([job("es")])).rejects.toBeInstanceOf(JobsNotSentError);
  });
});

describe("EventBridgePublisher", () => {
  const detail = {
    schemaVersion: "1.0" as const,
    articleId: "a",
    status: "complete" as const,
    manifest: { bucket: "r", key: "results/a/manifest.json" },
    source: { bucket: "b", key: "incoming/a.txt", etag: "e" },
  };

  it("should put one 'Article Processed' event on the configured bus", async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: "1" }] });
    await new EventBridgePublisher(
      new EventBridgeClient(CLIENT),
      "pipeline-bus",
    ).publishArticleProcessed(detail);
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(entry).toMatchObject({
      EventBusName: "pipeline-bus",
      Source: "article-pipeline",
      DetailType: "Article Processed",
    });
    expect(JSON.parse(entry?.Detail ?? "{}")).toEqual(detail);
  });

  it("should fail when the entry is rejected", async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: "ThrottlingException" }] });
    await expect(
      new EventBridgePublisher(new EventBridgeClient(CLIENT), "default").publishArticleProcessed(
        detail,
      ),
    ).rejects.toBeInstanceOf(EventNotPublishedError);
  });
});
