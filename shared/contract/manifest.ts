import type { ErrorType } from "./error-types";
import type { SchemaVersion } from "./version";

export type ArticleStatus = "complete" | "partial" | "failed";

export interface LanguageOutcome {
  status: "succeeded" | "failed";
  /** Key of translations/<lang>.json when succeeded. */
  key?: string;
  error?: { type: ErrorType; message: string };
}

/** `results/<id>/manifest.json`: written once per source version, when every stage has an outcome. */
export interface Manifest {
  schemaVersion: SchemaVersion;
  articleId: string;
  source: { bucket: string; key: string; etag: string; versionId?: string };
  status: ArticleStatus;
  /** Bucket the keys below live in. */
  resultsBucket: string;
  outputs: {
    article?: string;
    summary?: string;
    summaryText?: string;
    translations: Record<string, { json: string; text: string }>;
    error?: string;
    report?: string;
  };
  languages: Record<string, LanguageOutcome>;
  /** ISO 8601 timestamps and durations in milliseconds per stage. */
  timings: { startedAt: string; completedAt: string; stages: Record<string, number> };
}

/** `results/<id>/error.json`: why an article (or one stage of it) could not be processed. */
export interface ErrorRecord {
  schemaVersion: SchemaVersion;
  articleId: string;
  stage: "normalize" | "summarize" | "translate" | "manifest";
  /** One of the contract's error types, e.g. "UnsupportedFormatError". */
  errorType: ErrorType;
  message: string;
  source: { bucket: string; key: string; etag: string };
  /** Present for a per-language translation failure. */
  language?: string;
  at: string;
}

/** Detail of the EventBridge event (source "article-pipeline", detail-type "Article Processed"). */
export interface ArticleProcessedDetail {
  schemaVersion: SchemaVersion;
  articleId: string;
  status: ArticleStatus;
  manifest: { bucket: string; key: string };
  source: { bucket: string; key: string; etag: string };
}

export const COMPLETION_EVENT = {
  source: "article-pipeline",
  detailType: "Article Processed",
} as const;
