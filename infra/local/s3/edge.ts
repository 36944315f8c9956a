/**
 * What the local S3 endpoint refuses before s3rver sees the request, so every client (the CLI, awscli, a
 * user's SDK script) gets the answer S3 would give. Koa middleware, put in front of s3rver's own.
 */
import { S3_MAX_KEY_BYTES } from "../../../shared/limits";
import { keyTooLong } from "./service-error";

/** The part of Koa's context the edge reads and writes. */
export interface EdgeContext {
  method: string;
  /** Path-style: /<bucket>/<key, percent-encoded>. */
  path: string;
  status: number;
  type: string;
  body: unknown;
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
