/**
 * LOCAL ONLY. The aws-chunked content encoding the AWS SDKs use to stream an upload with a trailing checksum
 * (the default S3Client does it for a stream body): `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` per chunk,
 * a zero-size chunk, then trailer lines such as `x-amz-checksum-crc32:<base64>`. S3 stores the decoded bytes;
 * s3rver 3.7 knows nothing of it and stored the framing itself, so the local edge decodes it here, checks the
 * decoded length and the trailing checksum, and refuses a body it cannot read instead of storing it corrupted.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";

/** Why an aws-chunked body was refused, with the S3 error code S3 answers such a request with. */
export class AwsChunkedError extends Error {
  constructor(
    readonly code: "IncompleteBody" | "InvalidRequest" | "BadDigest",
    message: string,
  ) {
    super(message);
  }
}

/** Checksums Node computes itself; CRC32C and CRC64NVME trailers are decoded but not verified here. */
const CHECKSUMS: Readonly<Record<string, (bytes: Buffer) => string>> = {
  "x-amz-checksum-crc32": (bytes) => {
    const value = Buffer.alloc(4);
    value.writeUInt32BE(crc32(bytes));
    return value.toString("base64");
  },
  "x-amz-checksum-sha1": (bytes) => createHash("sha1").update(bytes).digest("base64"),
  "x-amz-checksum-sha256": (bytes) => createHash("sha256").update(bytes).digest("base64"),
};

type Headers = Readonly<Record<string, string | string[] | undefined>>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** True when the request body is aws-chunked framed (by its content encoding or its payload hash). */
export function isAwsChunked(headers: Headers): boolean {
  const encoding = header(headers, "content-encoding") ?? "";
  const payload = header(headers, "x-amz-content-sha256") ?? "";
  return (
    encoding
      .split(",")
      .map((e) => e.trim())
      .includes("aws-chunked") || payload.startsWith("STREAMING-")
  );
}

/** The content encoding to store: aws-chunked is a transfer framing, not the object's encoding. */
export function storedContentEncoding(headers: Headers): string | undefined {
  const kept = (header(headers, "content-encoding") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0 && e !== "aws-chunked");
  return kept.length > 0 ? kept.join(", ") : undefined;
}

function lineEnd(body: Buffer, from: number): number {
  const end = body.indexOf("\r\n", from);
  if (end < 0)
    throw new AwsChunkedError("IncompleteBody", "aws-chunked body ends inside a chunk header");
  return end;
}

/** The object's bytes from an aws-chunked body; throws AwsChunkedError when the body is not what it says. */
export function decodeAwsChunked(body: Buffer, headers: Headers): Buffer {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = lineEnd(body, at);
    const sizeText = body.subarray(at, end).toString("latin1").split(";")[0]?.trim() ?? "";
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) {
      throw new AwsChunkedError(
        "InvalidRequest",
        `aws-chunked body has a bad chunk size "${sizeText.slice(0, 20)}"`,
      );
    }
    const size = Number.parseInt(sizeText, 16);
    at = end + 2;
    if (size === 0) break;
    if (at + size + 2 > body.length || body[at + size] !== 0x0d || body[at + size + 1] !== 0x0a) {
      throw new AwsChunkedError(
        "IncompleteBody",
        `aws-chunked body ends inside a chunk of ${size} bytes`,
      );
    }
    chunks.push(body.subarray(at, at + size));
    at += size + 2;
  }
  const trailers = new Map<string, string>();
  while (at < body.length) {
    const end = lineEnd(body, at);
    const line = body.subarray(at, end).toString("latin1");
    at = end + 2;
    if (line.length === 0) break;
    const colon = line.indexOf(":");
    if (colon > 0)
      trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const decoded = Buffer.concat(chunks);
  const declared = header(headers, "x-amz-decoded-content-length");
  if (declared !== undefined && Number(declared) !== decoded.length) {
    throw new AwsChunkedError(
      "IncompleteBody",
      `aws-chunked body holds ${decoded.length} bytes, x-amz-decoded-content-length says ${declared}`,
    );
  }
  for (const name of (header(headers, "x-amz-trailer") ?? "")
    .split(",")
    .map((t) => t.trim().toLowerCase())) {
    if (!name) continue;
    const sent = trailers.get(name);
    if (sent === undefined) {
      throw new AwsChunkedError(
        "IncompleteBody",
        `aws-chunked body lacks its announced trailer ${name}`,
      );
    }
    const compute = CHECKSUMS[name];
    if (compute && compute(decoded) !== sent) {
      throw new AwsChunkedError(
        "BadDigest",
        `the ${name} trailer does not match the uploaded bytes`,
      );
    }
  }
  return decoded;
}
