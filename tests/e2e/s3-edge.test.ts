/**
 * The local S3 endpoint as any S3 client meets it: the SDK's default client streaming an upload (aws-chunked
 * with a trailing checksum), and keys S3 accepts whatever their bytes (`..`, `.`, empty segments, long
 * segments, 1,024 bytes of UTF-8), or refuses.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ServiceException,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/s3/client";
import type { NormalizedArticle } from "../../shared/contract/article";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import type { Manifest } from "../../shared/contract/manifest";
import { S3_MAX_KEY_BYTES } from "../../shared/limits";
import { type E2eStack, readJson, SAMPLE_TXT, startE2eStack, upload } from "./helpers";

let e2e: E2eStack;
/** A user's own client: the SDK's defaults (checksums WHEN_SUPPORTED), only pointed at the local endpoint. */
let userClient: S3Client;

beforeAll(async () => {
  e2e = await startE2eStack();
  userClient = new S3Client({
    endpoint: e2e.stack.endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: { ...LOCAL_CREDENTIALS },
  });
});

afterAll(async () => {
  userClient?.destroy();
  await e2e?.dispose();
});

async function getBytes(bucket: string, key: string): Promise<Buffer> {
  const response = await e2e.stack.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(
    await (response.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
  );
}

async function putError(key: string): Promise<S3ServiceException | undefined> {
  try {
    await upload(e2e.stack, key, "text");
    return undefined;
  } catch (error) {
    return error as S3ServiceException;
  }
}

describe("local S3 endpoint", () => {
  it("should store a stream uploaded with the SDK's default client exactly as sent, and process it", async () => {
    // Prepare
    const sample = await readFile(SAMPLE_TXT);
    const key = "incoming/streamed.txt";

    // Act
    await userClient.send(
      new PutObjectCommand({
        Bucket: e2e.stack.buckets.ingest,
        Key: key,
        Body: Readable.from([sample.subarray(0, 1000), sample.subarray(1000)]),
        ContentLength: sample.length,
      }),
    );
    await e2e.stack.queues.idle();

    // Assess
    expect((await getBytes(e2e.stack.buckets.ingest, key)).equals(sample)).toBe(true);
    const id = articleIdFromKey(key);
    const manifest = await readJson<Manifest>(e2e.stack, outputKey(id, OUTPUT_FILES.manifest));
    expect(manifest?.status).toBe("complete");
    const article = await readJson<NormalizedArticle>(
      e2e.stack,
      outputKey(id, OUTPUT_FILES.article),
    );
    expect(article?.title).toBe(sample.toString("utf8").split("\n")[0]?.trim());
  });

  it("should store keys with `.`, `..` and empty segments as the distinct keys they are", async () => {
    // Prepare
    const bucket = e2e.stack.buckets.results;
    const keys = [
      "notes/story.txt",
      "notes/./story.txt",
      "notes/../../../escaped.txt",
      "notes//x.txt",
    ];

    // Act
    for (const key of keys) {
      await e2e.stack.client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: `body of ${key}` }),
      );
    }

    // Assess
    for (const key of keys) {
      expect((await getBytes(bucket, key)).toString()).toBe(`body of ${key}`);
    }
    const listed = await e2e.stack.client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: "notes/" }),
    );
    expect(listed.Contents?.map((c) => c.Key).sort()).toEqual([...keys].sort());
    // s3rver alone wrote the `..` key three folders up from the bucket's notes/: the data folder.
    for (const folder of [e2e.stack.dataDirectory, dirname(e2e.stack.dataDirectory)]) {
      expect((await readdir(folder)).filter((name) => name.startsWith("escaped"))).toEqual([]);
    }
  });

  it("should store a key whose segment is longer than a file name may be", async () => {
    // Prepare: 300 bytes in one segment (file systems stop at 255).
    const key = `notes/${"長".repeat(100)}.txt`;

    // Act
    await e2e.stack.client.send(
      new PutObjectCommand({ Bucket: e2e.stack.buckets.results, Key: key, Body: "long name" }),
    );

    // Assess
    expect((await getBytes(e2e.stack.buckets.results, key)).toString()).toBe("long name");
  });

  it("should accept a key of exactly 1,024 bytes and refuse 1,025 with S3's KeyTooLongError", async () => {
    // Prepare: 3-byte characters up to the limit.
    const longest = `incoming/${"字".repeat(Math.floor((S3_MAX_KEY_BYTES - 9 - 4) / 3))}`;
    const atLimit = `${longest}${"a".repeat(S3_MAX_KEY_BYTES - Buffer.byteLength(longest) - 4)}.txt`;

    // Act
    const accepted = await putError(atLimit);
    const refused = await putError(`${atLimit.slice(0, -4)}b.txt`);

    // Assess
    expect(Buffer.byteLength(atLimit)).toBe(S3_MAX_KEY_BYTES);
    expect(accepted).toBeUndefined();
    expect(refused?.name).toBe("KeyTooLongError");
    expect(refused?.$metadata.httpStatusCode).toBe(400);
  });

  it("should copy, list by delimiter and delete keys holding characters S3 percent-encodes", async () => {
    // Prepare
    const bucket = e2e.stack.buckets.results;
    const source = "shelf/a b+c%#?.txt";
    await e2e.stack.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: source, Body: "copied" }),
    );

    // Act
    await e2e.stack.client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: "shelf/é/copy.txt",
        CopySource: `${bucket}/${encodeURIComponent(source)}`,
      }),
    );
    const listed = await e2e.stack.client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: "shelf/", Delimiter: "/" }),
    );
    await e2e.stack.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: source }));

    // Assess
    expect((await getBytes(bucket, "shelf/é/copy.txt")).toString()).toBe("copied");
    expect(listed.Contents?.map((c) => c.Key)).toEqual([source]);
    expect(listed.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["shelf/é/"]);
    const gone = await e2e.stack.client
      .send(new HeadObjectCommand({ Bucket: bucket, Key: source }))
      .catch((error: S3ServiceException) => error);
    expect((gone as S3ServiceException).$metadata.httpStatusCode).toBe(404);
  });
});
