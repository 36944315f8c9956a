/** The dispatcher on a real s3rver, with test-double handlers: event shape, routing, conditional writes. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { SQSEvent } from "aws-lambda";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../../infra/local/stack";
import { decodeS3EventKey } from "../../../shared/contract/keys";
import type { StageName } from "../../../shared/pipeline/routing";

interface Delivered {
  stage: StageName;
  eventName: string;
  rawKey: string;
  eTag: string;
}

let dir: string;
let stack: LocalStack;
let delivered: Delivered[] = [];

function recorder(stage: StageName) {
  return async (event: SQSEvent) => {
    for (const record of event.Records) {
      const body = JSON.parse(record.body);
      for (const r of body.Records) {
        delivered.push({
          stage,
          eventName: r.eventName,
          rawKey: r.s3.object.key,
          eTag: r.s3.object.eTag,
        });
      }
    }
    return { batchItemFailures: [] };
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dispatcher-"));
  stack = await startLocalStack({
    dataDirectory: dir,
    handlers: () => ({
      normalize: recorder("normalize"),
      summarize: recorder("summarize"),
      translate: recorder("translate"),
    }),
  });
});

afterAll(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  delivered = [];
});

async function put(bucket: string, key: string, body = "hello") {
  await stack.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

describe("local dispatcher on s3rver", () => {
  it("should form-encode event keys the way S3 does, so the handler's decoding gets the original key", async () => {
    // Prepare
    const key = "incoming/my file+é 日本.txt";

    // Act
    await put(stack.buckets.ingest, key);
    await stack.queues.idle();

    // Assess
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.rawKey).toBe("incoming/my+file%2B%C3%A9+%E6%97%A5%E6%9C%AC.txt");
    expect(decodeS3EventKey(delivered[0]?.rawKey ?? "")).toBe(key);
    expect(delivered[0]).toMatchObject({ stage: "normalize", eventName: "ObjectCreated:Put" });
  });

  it("should route by the routing table's bucket, prefix and suffix (s3rver has no filter)", async () => {
    // Act
    await put(stack.buckets.ingest, "elsewhere/a.txt");
    await put(stack.buckets.results, "incoming/a.txt");
    await put(stack.buckets.results, "results/x-1/summary.json");
    await put(stack.buckets.results, "results/x-1/article.json");
    await stack.queues.idle();

    // Assess
    expect(delivered.map((d) => [d.stage, d.rawKey])).toEqual([
      ["summarize", "results/x-1/article.json"],
    ]);
  });

  it("should name a completed multipart upload CompleteMultipartUpload, as S3 does", async () => {
    // Prepare
    const Bucket = stack.buckets.ingest;
    const Key = "incoming/big.txt";
    const { UploadId } = await stack.client.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const part = await stack.client.send(
      new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: "only part" }),
    );

    // Act
    await stack.client.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    await stack.queues.idle();

    // Assess
    expect(delivered).toMatchObject([
      { stage: "normalize", eventName: "ObjectCreated:CompleteMultipartUpload" },
    ]);
    expect(delivered[0]?.eTag).toMatch(/^[0-9a-f]+(-\d+)?$/);
  });

  it("should give copy events the eTag S3 would send (s3rver's have none)", async () => {
    // Prepare
    await put(stack.buckets.ingest, "staging/copy-me.txt", "copied body");
    const head = await stack.store.head(stack.buckets.ingest, "staging/copy-me.txt");

    // Act
    await stack.client.send(
      new CopyObjectCommand({
        Bucket: stack.buckets.ingest,
        Key: "incoming/copied.txt",
        CopySource: `${stack.buckets.ingest}/staging/copy-me.txt`,
      }),
    );
    await stack.queues.idle();

    // Assess
    expect(delivered).toMatchObject([
      { stage: "normalize", eventName: "ObjectCreated:Copy", eTag: head?.etag },
    ]);
  });

  it("should let exactly one of many concurrent putConditional calls write (s3rver ignores If-None-Match)", async () => {
    // Prepare
    const key = "results/race/manifest.json";

    // Act
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        stack.store.putConditional(stack.buckets.results, key, `{"writer":${i}}`),
      ),
    );

    // Assess
    expect(results.filter((r) => r.written)).toHaveLength(1);
  });

  it("should write with ifMatch only while the etag is still the given one", async () => {
    // Prepare
    const key = "results/cas/manifest.json";
    const first = await stack.store.put(stack.buckets.results, key, "v1");

    // Act
    const attempts = await Promise.all([
      stack.store.putConditional(stack.buckets.results, key, "v2a", { ifMatch: first.etag }),
      stack.store.putConditional(stack.buckets.results, key, "v2b", { ifMatch: first.etag }),
    ]);
    const absent = await stack.store.putConditional(stack.buckets.results, key, "v3");

    // Assess
    expect(attempts.filter((r) => r.written)).toHaveLength(1);
    expect(absent.written).toBe(false);
  });

  it("should store uploaded bytes intact (checksums WHEN_REQUIRED)", async () => {
    // Prepare
    const body = "é".repeat(70_000);

    // Act
    await put(stack.buckets.ingest, "other/bytes.txt", body);
    const stored = await stack.store.get(stack.buckets.ingest, "other/bytes.txt");

    // Assess
    expect(Buffer.from(stored?.body ?? []).toString("utf8")).toBe(body);
  });
});
