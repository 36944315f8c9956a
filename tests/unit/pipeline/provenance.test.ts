import { describe, expect, it } from "vitest";
import { S3_MAX_KEY_BYTES, S3_USER_METADATA_MAX_BYTES } from "../../../shared/limits";
import {
  isMadeFrom,
  metadataBytes,
  provenanceMetadata,
  readProvenance,
} from "../../../shared/pipeline/provenance";

/** A key of exactly `bytes` UTF-8 bytes: "incoming/", then 3-byte CJK characters, then ASCII to fill. */
function cjkKey(bytes: number): string {
  const prefix = "incoming/";
  const cjk = "新".repeat(Math.floor((bytes - prefix.length) / 3));
  return prefix + cjk + "x".repeat(bytes - prefix.length - cjk.length * 3);
}

/** The longest values S3 gives the other fields: a 63-character bucket name, a multipart etag. */
const LONGEST = {
  bucket: "b".repeat(63),
  etag: `${"f".repeat(32)}-10000`,
  startedAt: "2026-12-06T03:00:00.000Z",
  durationMs: 9_999_999_999,
};

describe("provenanceMetadata", () => {
  it("should stay under S3's 2 KB of user metadata for a 1,024-byte key of CJK characters", () => {
    // Prepare
    const key = cjkKey(S3_MAX_KEY_BYTES);

    // Act
    const metadata = provenanceMetadata({
      source: { bucket: LONGEST.bucket, key, etag: LONGEST.etag },
      startedAt: LONGEST.startedAt,
      durationMs: LONGEST.durationMs,
    });

    // Assess
    expect(Buffer.byteLength(key, "utf8")).toBe(S3_MAX_KEY_BYTES);
    expect(metadataBytes(metadata)).toBeLessThanOrEqual(S3_USER_METADATA_MAX_BYTES);
    expect(Object.values(metadata).every((v) => /^[\x20-\x7e]*$/.test(v))).toBe(true);
  });

  it("should give back the full key, bucket and etag whatever the key's size or script", () => {
    // Prepare
    const keys = [
      "incoming/plain.txt",
      "incoming/a b+c%d.txt",
      cjkKey(S3_MAX_KEY_BYTES),
      `incoming/${"😀".repeat(253)}`,
    ];

    // Act
    const read = keys.map((key) =>
      readProvenance(
        provenanceMetadata({
          source: { bucket: "ingest", key, etag: '"v1"' },
          startedAt: "",
          durationMs: 0,
        }),
      ),
    );

    // Assess
    expect(read.map((p) => p?.source)).toEqual(
      keys.map((key) => ({ bucket: "ingest", key, etag: "v1" })),
    );
  });

  it("should keep a plain key readable as percent-encoding", () => {
    // Act
    const metadata = provenanceMetadata({
      source: { bucket: "ingest", key: "incoming/2024/Iran US.txt", etag: "v1" },
      startedAt: "",
      durationMs: 0,
    });

    // Assess
    expect(metadata["source-key"]).toBe("incoming%2F2024%2FIran%20US.txt");
  });

  it("should tell an output of this source version from one of another", () => {
    // Prepare
    const metadata = provenanceMetadata({
      source: { bucket: "ingest", key: cjkKey(S3_MAX_KEY_BYTES), etag: "v2" },
      startedAt: "",
      durationMs: 0,
    });
    const head = { etag: "out", size: 1, metadata };

    // Act
    const checks = [isMadeFrom(head, '"v2"'), isMadeFrom(head, "v1"), isMadeFrom(undefined, "v2")];

    // Assess
    expect(checks).toEqual([true, false, false]);
  });
});
