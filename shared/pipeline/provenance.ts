/**
 * Every output records, in its S3 metadata, the source version it was made from and how long its stage took.
 * The outputs themselves are the idempotency record (no extra table): a stage HEADs its output and skips the
 * work when the recorded source etag is the one it was asked to process. HEAD reads metadata without the
 * body, so the check costs one cheap request.
 */
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
  // S3 metadata travels in HTTP headers (US-ASCII only), so the key is percent-encoded.
  sourceKey: "source-key",
  sourceEtag: "source-etag",
  startedAt: "started-at",
  durationMs: "duration-ms",
} as const;

/** S3 returns ETags in quotes ("abc"); event notifications carry them bare (abc). Compare them bare. */
export function bareEtag(etag: string): string {
  return etag.replace(/^W\//, "").replace(/^"|"$/g, "");
}

export function provenanceMetadata(provenance: Provenance): ObjectMetadata {
  return {
    [META.sourceBucket]: provenance.source.bucket,
    [META.sourceKey]: encodeURIComponent(provenance.source.key),
    [META.sourceEtag]: bareEtag(provenance.source.etag),
    [META.startedAt]: provenance.startedAt,
    [META.durationMs]: String(Math.round(provenance.durationMs)),
  };
}

export function readProvenance(metadata: ObjectMetadata | undefined): Provenance | undefined {
  const bucket = metadata?.[META.sourceBucket];
  const key = metadata?.[META.sourceKey];
  const etag = metadata?.[META.sourceEtag];
  if (!bucket || key === undefined || !etag) return undefined;
  return {
    source: { bucket, key: decodeURIComponent(key), etag },
    startedAt: metadata?.[META.startedAt] ?? "",
    durationMs: Number(metadata?.[META.durationMs] ?? 0) || 0,
  };
}

/** True when the output exists and was made from this source version. */
export function isMadeFrom(head: ObjectHead | undefined, sourceEtag: string): boolean {
  return head !== undefined && readProvenance(head.metadata)?.source.etag === bareEtag(sourceEtag);
}
