/** The local edge's aws-chunked decoding: the object's bytes back, or S3's error for a body that lies. */
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type AwsChunkedError, decodeAwsChunked } from "../../infra/local/s3/aws-chunked";

function crc32Base64(bytes: Buffer): string {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(crc32(bytes));
  return value.toString("base64");
}

/** A body framed as the SDK frames it: chunks, a zero chunk, the checksum trailer. */
function framed(parts: Buffer[], trailer: string): Buffer {
  const chunks = parts.map((p) =>
    Buffer.concat([Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from("\r\n")]),
  );
  return Buffer.concat([...chunks, Buffer.from(`0\r\nx-amz-checksum-crc32:${trailer}\r\n\r\n`)]);
}

const HEADERS = { "content-encoding": "aws-chunked", "x-amz-trailer": "x-amz-checksum-crc32" };

function refusal(body: Buffer, headers: Record<string, string>): AwsChunkedError | undefined {
  try {
    decodeAwsChunked(body, headers);
    return undefined;
  } catch (error) {
    return error as AwsChunkedError;
  }
}

describe("aws-chunked decoding", () => {
  const content = Buffer.from("Johnson uncertain as talks resume.\nSecond line é.\n");
  const parts = [content.subarray(0, 10), content.subarray(10)];

  it("should give back exactly the bytes sent, across chunks", () => {
    const body = framed(parts, crc32Base64(content));
    const decoded = decodeAwsChunked(body, {
      ...HEADERS,
      "x-amz-decoded-content-length": String(content.length),
    });
    expect(decoded.equals(content)).toBe(true);
  });

  it("should refuse a body whose trailing CRC32 does not match with BadDigest", () => {
    const error = refusal(framed(parts, crc32Base64(Buffer.from("other"))), HEADERS);
    expect(error?.code).toBe("BadDigest");
    expect(error?.message).toContain("x-amz-checksum-crc32");
  });

  it("should refuse a body shorter than its decoded length says", () => {
    const body = framed(parts, crc32Base64(content));
    const error = refusal(body, {
      ...HEADERS,
      "x-amz-decoded-content-length": String(content.length + 1),
    });
    expect(error?.code).toBe("IncompleteBody");
  });

  it("should refuse a body cut inside a chunk", () => {
    const body = framed(parts, crc32Base64(content));
    expect(refusal(body.subarray(0, 20), HEADERS)?.code).toBe("IncompleteBody");
  });

  it("should refuse a chunk size that is not hexadecimal", () => {
    expect(refusal(Buffer.from("zz\r\nabc\r\n0\r\n\r\n"), {})?.code).toBe("InvalidRequest");
  });
});
