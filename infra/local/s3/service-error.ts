/**
 * Errors shaped like the SDK's S3 service exceptions (name = S3's error code, $metadata.httpStatusCode), so
 * a stand-in's refusal reaches callers, and the S3 adapter's checks, exactly as S3's own would.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
import { S3_MAX_KEY_BYTES } from "../../../shared/limits";

const STATUS = {
  KeyTooLongError: 400,
  NoSuchKey: 404,
  NotFound: 404,
  PreconditionFailed: 412,
  InternalError: 500,
} as const;

export type S3ErrorCode = keyof typeof STATUS;

export class S3ServiceError extends Error {
  readonly $metadata: { httpStatusCode: number };

  constructor(
    readonly code: S3ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
    this.$metadata = { httpStatusCode: STATUS[code] };
  }
}

/** Why S3 would refuse this key (over 1,024 bytes of UTF-8: KeyTooLongError), or undefined. */
export function keyTooLong(key: string): string | undefined {
  const bytes = Buffer.byteLength(key, "utf8");
  if (bytes <= S3_MAX_KEY_BYTES) return undefined;
  return `Your key is too long: ${bytes} bytes of UTF-8, S3 allows ${S3_MAX_KEY_BYTES}`;
}

export function assertKeyLength(key: string): void {
  const refusal = keyTooLong(key);
  if (refusal) throw new S3ServiceError("KeyTooLongError", refusal);
}
