/**
 * The one in-memory S3 of the tests: objects with S3's etags (quoted MD5 of the body), S3's answers to
 * conditional writes (infra/local/s3/conditional.ts, the rules the local store on s3rver follows too) and to
 * keys over 1,024 bytes, as SDK-shaped service errors. The stage tests reach it through the real S3 adapter
 * (memory-store.ts); the handler tests' fake AWS answers the SDK's commands from it (tests/functions/fake-aws.ts).
 */
import { createHash } from "node:crypto";
import {
  GetObjectCommand,
  type GetObjectCommandInput,
  HeadObjectCommand,
  type HeadObjectCommandInput,
  ListObjectsV2Command,
  type ListObjectsV2CommandInput,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
} from "@aws-sdk/client-s3";
import { conditionalWriteAnswer, quotedEtag } from "../../infra/local/s3/conditional";
import { assertKeyLength, S3ServiceError } from "../../infra/local/s3/service-error";

export interface MemoryObject {
  body: Uint8Array;
  /** Bare, as the ObjectStore port and S3 event notifications carry it. */
  etag: string;
  metadata: Record<string, string>;
  contentType?: string;
}

export class MemoryS3 {
  /** By "bucket/key". */
  readonly objects = new Map<string, MemoryObject>();
  /** Every stored PUT, as "bucket/key", in order. */
  readonly puts: string[] = [];
  /** Keys whose next N PUTs are refused with a 500 (as after the SDK's own retries). */
  readonly failNext = new Map<string, number>();
  /** Called after each stored PUT (the fake's S3 notifications). */
  onPut: ((bucket: string, key: string, object: MemoryObject) => void) | undefined;

  object(bucket: string, key: string): MemoryObject | undefined {
    return this.objects.get(`${bucket}/${key}`);
  }

  putObject(input: PutObjectCommandInput): { ETag: string } {
    const bucket = input.Bucket as string;
    const key = input.Key as string;
    assertKeyLength(key);
    const answer = conditionalWriteAnswer(this.object(bucket, key)?.etag, {
      ...(input.IfNoneMatch !== undefined ? { ifNoneMatch: input.IfNoneMatch } : {}),
      ...(input.IfMatch !== undefined ? { ifMatch: input.IfMatch } : {}),
    });
    if (answer !== "write") throw new S3ServiceError(answer, `${answer}: ${bucket}/${key}`);
    const failures = this.failNext.get(key) ?? 0;
    if (failures > 0) {
      this.failNext.set(key, failures - 1);
      throw new S3ServiceError("InternalError", `PUT ${key} refused`);
    }
    const body = bytesOf(input.Body);
    const object: MemoryObject = {
      body,
      etag: createHash("md5").update(body).digest("hex"),
      metadata: input.Metadata ?? {},
      ...(input.ContentType ? { contentType: input.ContentType } : {}),
    };
    this.objects.set(`${bucket}/${key}`, object);
    this.puts.push(`${bucket}/${key}`);
    this.onPut?.(bucket, key, object);
    return { ETag: quotedEtag(object.etag) };
  }

  getObject(input: GetObjectCommandInput) {
    const object = this.object(input.Bucket as string, input.Key as string);
    if (!object) throw new S3ServiceError("NoSuchKey", `NoSuchKey: ${input.Key}`);
    const body = object.body;
    return {
      Body: { transformToByteArray: async () => body },
      ...this.head(object),
    };
  }

  headObject(input: HeadObjectCommandInput) {
    const object = this.object(input.Bucket as string, input.Key as string);
    if (!object) throw new S3ServiceError("NotFound", `NotFound: ${input.Key}`);
    return this.head(object);
  }

  listObjectsV2(input: ListObjectsV2CommandInput) {
    const prefix = `${input.Bucket}/${input.Prefix ?? ""}`;
    return {
      Contents: [...this.objects.keys()]
        .filter((id) => id.startsWith(prefix))
        .map((id) => ({ Key: id.slice(`${input.Bucket}/`.length) })),
      IsTruncated: false,
    };
  }

  /** An S3Client stand-in whose send() answers GetObject, HeadObject, PutObject and ListObjectsV2 from here. */
  client(): S3Client {
    const send = async (command: unknown) => {
      if (command instanceof GetObjectCommand) return this.getObject(command.input);
      if (command instanceof HeadObjectCommand) return this.headObject(command.input);
      if (command instanceof PutObjectCommand) return this.putObject(command.input);
      if (command instanceof ListObjectsV2Command) return this.listObjectsV2(command.input);
      throw new Error(`the in-memory S3 does not answer ${String(command?.constructor?.name)}`);
    };
    return { send } as unknown as S3Client;
  }

  private head(object: MemoryObject) {
    return {
      ETag: quotedEtag(object.etag),
      ContentLength: object.body.byteLength,
      Metadata: object.metadata,
      ...(object.contentType ? { ContentType: object.contentType } : {}),
    };
  }
}

function bytesOf(body: PutObjectCommandInput["Body"]): Uint8Array {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  throw new Error("the in-memory S3 accepts string or Uint8Array bodies");
}
