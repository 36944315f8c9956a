/**
 * What the local S3 endpoint does before s3rver sees a request, so every client (the CLI, awscli, a user's SDK
 * script) gets the answer S3 would give. Koa middleware (S3rver extends Koa), added to s3rver's own:
 * - refuseKeysTooLong, first of all: object writes to a key over 1,024 bytes of UTF-8 get S3's KeyTooLongError;
 * - s3Edge, just before s3rver's router: the object key is taken from the path whole and handed to the router
 *   as one segment, so any key S3 accepts reaches the store as written (`a//b`, `a/./b`, `a/../b` are keys,
 *   not paths; key-store.ts stores them); a copy source (`x-amz-copy-source`, percent-encoded as S3 wants it)
 *   is handed to s3rver in the form its `decodeURI` turns back into the whole key (it left `%2B`, `%23`…
 *   encoded: a copy of `a+b.txt` failed); and an aws-chunked body (the SDKs' streamed upload with a trailing
 *   checksum) is decoded to the object's bytes, or refused with S3's error when it does not hold what it says
 *   (aws-chunked.ts).
 */
import { Readable } from "node:stream";
import S3Error from "s3rver/lib/models/error.js";
import { S3_MAX_KEY_BYTES } from "../../../shared/limits";
import {
  AwsChunkedError,
  decodeAwsChunked,
  isAwsChunked,
  storedContentEncoding,
} from "./aws-chunked";
import { keyTooLong } from "./service-error";

type Headers = Record<string, string | string[] | undefined>;

/** The part of Koa's context the edge reads and writes. */
export interface EdgeContext {
  method: string;
  /** Path-style: /<bucket>/<key, percent-encoded>. */
  path: string;
  status: number;
  type: string;
  body: unknown;
  /** The request stream s3rver reads an object's body from, with the request's headers. */
  req: NodeJS.ReadableStream & { headers: Headers };
}

export type EdgeMiddleware = (ctx: EdgeContext, next: () => Promise<void>) => Promise<void>;

/** Object writes (PUT, copy, multipart) to a key over 1,024 bytes of UTF-8 get S3's KeyTooLongError (400). */
export const refuseKeysTooLong: EdgeMiddleware = async (ctx, next) => {
  if (ctx.method === "PUT" || ctx.method === "POST") {
    const key = objectKeyOf(ctx.path);
    const refusal = key === undefined ? undefined : keyTooLong(key);
    if (key !== undefined && refusal) {
      ctx.status = 400;
      ctx.type = "application/xml";
      ctx.body = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<Error><Code>KeyTooLongError</Code><Message>${refusal}</Message>`,
        `<MaxSizeAllowed>${S3_MAX_KEY_BYTES}</MaxSizeAllowed>`,
        `<Size>${Buffer.byteLength(key, "utf8")}</Size></Error>`,
      ].join("");
      return;
    }
  }
  await next();
};

function objectKeyOf(path: string): string | undefined {
  const slash = path.indexOf("/", 1);
  if (slash < 0 || slash === path.length - 1) return undefined;
  try {
    return decodeURIComponent(path.slice(slash + 1));
  } catch {
    return undefined;
  }
}

/** Rewrites x-amz-copy-source so that s3rver's decodeURI of it gives the source key whole. */
function copySourceForS3rver(headers: Headers): void {
  const source = headers["x-amz-copy-source"];
  if (typeof source !== "string") return;
  // A version id is S3's business only; s3rver keeps one version.
  const path = source.split("?")[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw new S3Error("InvalidArgument", "Invalid copy source encoding", {
      ArgumentName: "x-amz-copy-source",
    });
  }
  headers["x-amz-copy-source"] = encodeURI(decoded);
}

async function readBody(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function decodeBody(ctx: EdgeContext): Promise<void> {
  const headers = ctx.req.headers;
  let decoded: Buffer;
  try {
    decoded = decodeAwsChunked(await readBody(ctx.req), headers);
  } catch (error) {
    if (error instanceof AwsChunkedError) throw new S3Error(error.code, error.message);
    throw error;
  }
  const encoding = storedContentEncoding(headers);
  if (encoding) headers["content-encoding"] = encoding;
  else delete headers["content-encoding"];
  headers["content-length"] = String(decoded.length);
  // s3rver reads the body from ctx.req; the request's headers stay on ctx.request.
  ctx.req = Object.assign(Readable.from([decoded]), { headers });
}

/** Whole keys for s3rver's router, decoded aws-chunked bodies (see the module comment). */
export const s3Edge: EdgeMiddleware = async (ctx, next) => {
  const slash = ctx.path.indexOf("/", 1);
  if (slash > 0 && slash < ctx.path.length - 1) {
    const key = objectKeyOf(ctx.path);
    if (key === undefined) {
      throw new S3Error("InvalidURI", "Couldn't parse the specified URI.", { URI: ctx.path });
    }
    ctx.path = `${ctx.path.slice(0, slash)}/${encodeURIComponent(key)}`;
  }
  copySourceForS3rver(ctx.req.headers);
  if ((ctx.method === "PUT" || ctx.method === "POST") && isAwsChunked(ctx.req.headers)) {
    await decodeBody(ctx);
  }
  await next();
};
