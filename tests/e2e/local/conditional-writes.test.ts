/**
 * S3's answers to conditional writes and over-long keys, pinned for every stand-in that gives them: the local
 * store on s3rver (infra/local/s3/guarded-store.ts) and the tests' in-memory S3, at the port (through the
 * real S3 adapter) and on the wire (what the handler tests' fake answers the SDK).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalS3Client } from "../../../infra/local/s3/client";
import { LocallyGuardedObjectStore } from "../../../infra/local/s3/guarded-store";
import { type S3Server, startS3Server } from "../../../infra/local/s3/server";
import { S3ObjectStore } from "../../../shared/adapters/s3/object-store";
import { S3_MAX_KEY_BYTES } from "../../../shared/limits";
import type { ObjectStore } from "../../../shared/pipeline/ports";
import { MemoryS3 } from "../../support/memory-s3";
import { MemoryStore } from "../../support/memory-store";

const BUCKET = "article-pipeline-results";
/** A key of exactly `bytes` bytes, in segments short enough for any file system. */
function keyOf(bytes: number): string {
  let key = "results/";
  while (key.length < bytes) key += key.length % 100 === 0 ? "/" : "a";
  return key;
}

let dir: string;
let server: S3Server;
let client: S3Client;
let local: ObjectStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "conditional-"));
  server = await startS3Server({ directory: dir, onEvent: () => {} });
  client = createLocalS3Client(server.endpoint);
  local = new LocallyGuardedObjectStore(new S3ObjectStore(client));
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const stores: [string, () => ObjectStore][] = [
  ["the local store on s3rver", () => local],
  ["the in-memory store", () => new MemoryStore()],
];

describe.each(stores)("%s", (_name, storeOf) => {
  it("should write with If-None-Match only while the key is absent", async () => {
    // Prepare
    const store = storeOf();
    const key = `results/${Math.random()}/manifest.json`;

    // Act
    const first = await store.putConditional(BUCKET, key, "one");
    const second = await store.putConditional(BUCKET, key, "two");

    // Assess
    expect(first).toMatchObject({ written: true, etag: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(second).toEqual({ written: false });
  });

  it("should compare If-Match etags without their quotes, and refuse a stale or missing one", async () => {
    // Prepare
    const store = storeOf();
    const key = `results/${Math.random()}/manifest.json`;
    const { etag } = await store.put(BUCKET, key, "v1");

    // Act
    const quoted = await store.putConditional(BUCKET, key, "v2", { ifMatch: `"${etag}"` });
    const stale = await store.putConditional(BUCKET, key, "v3", { ifMatch: etag });
    const current = (await store.head(BUCKET, key))?.etag as string;
    const bare = await store.putConditional(BUCKET, key, "v4", { ifMatch: current });
    const missing = await store.putConditional(BUCKET, `${key}.gone`, "v5", { ifMatch: etag });

    // Assess
    expect([quoted.written, stale.written, bare.written, missing.written]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it("should refuse a key over S3's 1,024 bytes of UTF-8 as S3 does, and take one of exactly 1,024", async () => {
    // Prepare
    const store = storeOf();
    const longest = keyOf(S3_MAX_KEY_BYTES);
    const tooLong = keyOf(S3_MAX_KEY_BYTES + 1);
    // 518 characters, 1,028 bytes: S3 counts bytes.
    const tooManyBytes = `results/${"é".repeat(510)}`;

    // Act
    const [written, refused, refusedConditional] = await Promise.allSettled([
      store.put(BUCKET, longest, "fits"),
      store.put(BUCKET, tooLong, "does not"),
      store.putConditional(BUCKET, tooManyBytes, "does not"),
    ]);

    // Assess
    expect(written).toMatchObject({ value: { etag: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    expect(refused).toMatchObject({
      reason: { name: "KeyTooLongError", $metadata: { httpStatusCode: 400 } },
    });
    expect(refusedConditional).toMatchObject({
      reason: { name: "KeyTooLongError", message: expect.stringContaining("1028 bytes") },
    });
  });
});

describe("the local S3 endpoint", () => {
  it("should refuse any client's PUT of a key over 1,024 bytes with S3's KeyTooLongError", async () => {
    // Prepare
    const put = (key: string) =>
      client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: "x" }));

    // Act
    const fits = await put(keyOf(S3_MAX_KEY_BYTES));
    const refused = put(`incoming/${"雪".repeat(340)}.txt`);

    // Assess
    expect(fits.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    await expect(refused).rejects.toMatchObject({
      name: "KeyTooLongError",
      message: expect.stringContaining("1033 bytes"),
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe("the in-memory S3 on the wire", () => {
  it("should answer conditional PUTs with S3's codes and quoted etags", () => {
    // Prepare
    const s3 = new MemoryS3();
    const put = (extra: object) => () =>
      s3.putObject({ Bucket: BUCKET, Key: "results/a/manifest.json", Body: "x", ...extra });

    // Act
    const created = put({ IfNoneMatch: "*" })();
    const etag = created.ETag;

    // Assess
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(put({ IfNoneMatch: "*" })).toThrow(
      expect.objectContaining({ name: "PreconditionFailed" }),
    );
    expect(put({ IfMatch: '"0123"' })).toThrow(
      expect.objectContaining({ $metadata: { httpStatusCode: 412 } }),
    );
    expect(put({ IfMatch: etag.slice(1, -1) })).not.toThrow();
    expect(() =>
      s3.putObject({ Bucket: BUCKET, Key: "results/none.json", Body: "x", IfMatch: etag }),
    ).toThrow(expect.objectContaining({ name: "NoSuchKey", $metadata: { httpStatusCode: 404 } }));
  });
});
