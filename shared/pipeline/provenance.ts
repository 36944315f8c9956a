/**
 * Every output records, in its S3 metadata, the source version it was made from and how long its stage took.
 * The outputs themselves are the idempotency record (no extra table): a stage HEADs its output and skips the
 * work when the recorded source etag is the one it was asked to process. HEAD reads metadata without the
 * body, so the check costs one cheap request.
 */
import { S3_MAX_KEY_BYTES, S3_USER_METADATA_MAX_BYTES } from "../limits";
import type { ObjectHead, ObjectMetadata } from "./ports";

export interface SourceRef {
  bucket: string;
  key: string;
  etag: string;
}

export interface Provenance {
  source: SourceRef;
  /** When the stage that wrote the output started (ISO 8601). */
  startedAt: string;
  durationMs: number;
}

const META = {
  sourceBucket: "source-bucket",
  sourceKey: "source-key",
  sourceEtag: "source-etag",
  startedAt: "started-at",
  durationMs: "duration-ms",
} as const;

/**
 * S3 metadata travels in HTTP headers (US-ASCII only), so the key is encoded. Percent-encoding keeps a plain
 * key readable in the console, but costs 3 bytes per non-ASCII byte: a 1,024-byte key of CJK characters
 * would need 3,072, over S3's 2 KB for all user metadata, and every output PUT of that article would be
 * refused. Such a key goes as base64url instead (4 bytes per 3, so 1,368 at most), marked by a prefix that
 * percent-encoding never produces (it escapes ":"). Lossless either way: stages read the full key back.
 */
const BASE64_MARK = "b64:";
const PERCENT_ENCODED_MAX_BYTES = 512;

export function encodeSourceKey(key: string): string {
  const percent = encodeURIComponent(key);
  if (percent.length <= PERCENT_ENCODED_MAX_BYTES) return percent;
  return BASE64_MARK + Buffer.from(key, "utf8").toString("base64url");
}

export function decodeSourceKey(value: string): string {
  if (value.startsWith(BASE64_MARK)) {
    return Buffer.from(value.slice(BASE64_MARK.length), "base64url").toString("utf8");
  }
  return decodeURIComponent(value);
}

/** What S3 counts against S3_USER_METADATA_MAX_BYTES: the UTF-8 bytes of every key and value. */
export function metadataBytes(metadata: ObjectMetadata): number {
  return Object.entries(metadata).reduce(
    (sum, [key, value]) => sum + Buffer.byteLength(key, "utf8") + Buffer.byteLength(value, "utf8"),
    0,
  );
}

/** S3 returns ETags in quotes ("abc"); event notifications carry them bare (abc). Compare them bare. */
export function bareEtag(etag: string): string {
  return etag.replace(/^W\//, "").replace(/^"|"$/g, "");
}

export function provenanceMetadata(provenance: Provenance): ObjectMetadata {
  const metadata = {
    [META.sourceBucket]: provenance.source.bucket,
    [META.sourceKey]: encodeSourceKey(provenance.source.key),
    [META.sourceEtag]: bareEtag(provenance.source.etag),
    [META.startedAt]: provenance.startedAt,
    [META.durationMs]: String(Math.round(provenance.durationMs)),
  };
  const bytes = metadataBytes(metadata);
  if (bytes > S3_USER_METADATA_MAX_BYTES) {
    // Only a key S3 itself refuses (over S3_MAX_KEY_BYTES) gets here: say so rather than let the PUT fail.
    throw new RangeError(
      `provenance of ${provenance.source.key} needs ${bytes} bytes of S3 metadata (limit ${S3_USER_METADATA_MAX_BYTES}); ` +
        `its key is ${Buffer.byteLength(provenance.source.key, "utf8")} bytes (S3 allows ${S3_MAX_KEY_BYTES})`,
    );
  }
  return metadata;
}

export function readProvenance(metadata: ObjectMetadata | undefined): Provenance | undefined {
  const bucket = metadata?.[META.sourceBucket];
  const key = metadata?.[META.sourceKey];
  const etag = metadata?.[META.sourceEtag];
  if (!bucket || key === undefined || !etag) return undefined;
  return {
    source: { bucket, key: decodeSourceKey(key), etag },
    startedAt: metadata?.[META.startedAt] ?? "",
    durationMs: Number(metadata?.[META.durationMs] ?? 0) || 0,
  };
}

/** True when the output exists and was made from this source version. */
export function isMadeFrom(head: ObjectHead | undefined, sourceEtag: string): boolean {
  return head !== undefined && readProvenance(head.metadata)?.source.etag === bareEtag(sourceEtag);
}
