import { createHash } from "node:crypto";

/** Where users drop articles, in the ingest bucket. */
export const INCOMING_PREFIX = "incoming/";
/** Where every output of an article lives, in the results bucket: `results/<articleId>/…`. */
export const RESULTS_PREFIX = "results/";

/** The documented place of each output, relative to `results/<articleId>/`. */
export const OUTPUT_FILES = {
  article: "article.json",
  summary: "summary.json",
  summaryText: "summary.txt",
  manifest: "manifest.json",
  error: "error.json",
  report: "report.html",
  translationJson: (lang: string) => `translations/${lang}.json`,
  translationText: (lang: string) => `translations/${lang}.txt`,
  /** The error record of one language whose translation failed for good (the others still complete). */
  translationError: (lang: string) => `translations/${lang}.error.json`,
} as const;

/**
 * Bookkeeping beside the outputs, relative to `results/<articleId>/`: claims on translation jobs (so copies of a
 * job running at once bill it once) and translation memories (what a failed delivery already paid for). Not an
 * output: consumers ignore this folder.
 */
export const CLAIMS_FOLDER = "claims/";

const SAFE_SEGMENT = /[^a-z0-9._-]+/g;

function slugSegment(segment: string): string {
  const slug = segment
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(SAFE_SEGMENT, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return slug || "article";
}

/**
 * The article id derived from the (decoded) source key: readable, stable, and unique per key.
 * `incoming/2024/Iran US.txt` → `2024/iran-us-txt-<8 hex>`. Folders below `incoming/` are kept;
 * the hash of the full key keeps `a b.txt` and `a-b.txt` (same slug) apart. Re-uploading the same key
 * gives the same id, so new outputs replace the old ones.
 */
export function articleIdFromKey(sourceKey: string): string {
  const relative = sourceKey.startsWith(INCOMING_PREFIX)
    ? sourceKey.slice(INCOMING_PREFIX.length)
    : sourceKey;
  const segments = relative.split("/").filter((s) => s.length > 0);
  const file = segments.pop() ?? "article";
  const hash = createHash("sha256").update(sourceKey, "utf8").digest("hex").slice(0, 8);
  const folders = segments.map(slugSegment);
  const name = slugSegment(file.replace(/\./g, "-"));
  return [...folders, `${name}-${hash}`].join("/");
}

/** Key of one output of an article in the results bucket. */
export function outputKey(articleId: string, file: string): string {
  return `${RESULTS_PREFIX}${articleId}/${file}`;
}

/**
 * Decode an object key as it appears in an S3 event notification: S3 form-encodes keys
 * (a space arrives as "+", a literal "+" as "%2B"), so "+" must become a space before percent-decoding.
 */
export function decodeS3EventKey(rawKey: string): string {
  return decodeURIComponent(rawKey.replace(/\+/g, " "));
}

/** Encode a key the way S3 does in event notifications (the inverse of decodeS3EventKey). */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/%20/g, "+")
    .replace(/%2F/g, "/")
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
