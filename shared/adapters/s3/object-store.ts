/**
 * ObjectStore on Amazon S3 (and any S3-protocol server: the local runner points the same client at s3rver).
 * Missing keys are `undefined`, not errors: stages probe for outputs as their idempotency check.
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
} from "@aws-sdk/client-s3";
import { PipelineError } from "../../errors";
import type {
  ConditionalPutOptions,
  ListableObjectStore,
  ObjectHead,
  PutOptions,
  StoredObject,
} from "../../pipeline/ports";
import { bareEtag } from "../../pipeline/provenance";

/** S3 answered 409 ConditionalRequestConflict: another conditional write raced this one; retry it. */
export class ConditionalWriteConflictError extends PipelineError {
  override readonly name = "ConditionalWriteConflictError";
  readonly retryable = true;
}

interface ServiceError {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

function status(error: unknown): number | undefined {
  return (error as ServiceError)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as ServiceError)?.name;
  return name === "NoSuchKey" || name === "NotFound" || status(error) === 404;
}

export class S3ObjectStore implements ListableObjectStore {
  constructor(private readonly client: S3Client) {}

  async get(bucket: string, key: string): Promise<StoredObject | undefined> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
      return {
        body,
        ...headOf({ ...response, ContentLength: response.ContentLength ?? body.byteLength }),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    try {
      return headOf(await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options: PutOptions = {},
  ): Promise<{ etag: string }> {
    const response = await this.client.send(
      new PutObjectCommand(putInput(bucket, key, body, options)),
    );
    return { etag: bareEtag(response.ETag ?? "") };
  }

  async putConditional(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options: ConditionalPutOptions = {},
  ): Promise<{ written: boolean; etag?: string }> {
    const condition = options.ifMatch
      ? { IfMatch: `"${bareEtag(options.ifMatch)}"` }
      : { IfNoneMatch: "*" };
    try {
      const response = await this.client.send(
        new PutObjectCommand({ ...putInput(bucket, key, body, options), ...condition }),
      );
      return { written: true, etag: bareEtag(response.ETag ?? "") };
    } catch (error) {
      const code = status(error);
      if (code === 412 || (error as ServiceError)?.name === "PreconditionFailed") {
        return { written: false };
      }
      // Under If-Match, S3 answers 404 NoSuchKey when no object has the key: not that etag, so not written.
      if (options.ifMatch && isNotFound(error)) return { written: false };
      if (code === 409) {
        throw new ConditionalWriteConflictError("concurrent conditional write, retry", key, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async list(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }
}

function putInput(
  bucket: string,
  key: string,
  body: string | Uint8Array,
  options: PutOptions,
): PutObjectCommandInput {
  return {
    Bucket: bucket,
    Key: key,
    Body: body,
    ...(options.contentType ? { ContentType: options.contentType } : {}),
    ...(options.metadata ? { Metadata: options.metadata } : {}),
  };
}

/** What GET and HEAD answer alike about an object. */
function headOf(response: {
  ETag?: string | undefined;
  ContentLength?: number | undefined;
  Metadata?: Record<string, string> | undefined;
  ContentType?: string | undefined;
  VersionId?: string | undefined;
}): ObjectHead {
  return {
    etag: bareEtag(response.ETag ?? ""),
    size: response.ContentLength ?? 0,
    metadata: response.Metadata ?? {},
    ...(response.ContentType ? { contentType: response.ContentType } : {}),
    ...(response.VersionId ? { versionId: response.VersionId } : {}),
  };
}
