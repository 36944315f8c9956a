import type { FromSchema } from "json-schema-to-ts";
import { ERROR_TYPE_NAMES } from "./error-types";
import { LANGUAGE_TAG_SCHEMA } from "./language";
import { SCHEMA_VERSION } from "./version";

export const ARTICLE_STATUSES = ["complete", "partial", "failed"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

const KEY = { $ref: "#/$defs/key" } as const;
const LANGUAGE = { $ref: "#/$defs/language" } as const;
const LANGUAGE_ERROR = {
  type: "object",
  additionalProperties: false,
  required: ["type", "message"],
  properties: { type: { $ref: "#/$defs/errorType" }, message: { type: "string" } },
} as const;
const NON_EMPTY = { type: "string", minLength: 1 } as const;
const DATE_TIME = { type: "string", format: "date-time" } as const;
/** Where an article came from, as the error record and the completion event carry it. */
export const SOURCE_REF_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["bucket", "key", "etag"],
  properties: { bucket: NON_EMPTY, key: NON_EMPTY, etag: NON_EMPTY },
} as const;
/** The one list of error types (shared/contract/error-types.ts) as the schemas publish it. */
export const ERROR_TYPE_SCHEMA = {
  enum: ERROR_TYPE_NAMES,
  description: "One of the contract's error types (shared/contract/error-types.ts).",
} as const;

/**
 * `results/<id>/manifest.json`, published as schemas/manifest.schema.json: written once per source version, when
 * every stage has an outcome. The types below derive from it.
 */
export const MANIFEST_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://article-pipeline.example/schemas/manifest.schema.json",
  title: "Manifest",
  description:
    "results/<articleId>/manifest.json: written once per source version, when every stage and every target language has an outcome.",
  type: "object",
  additionalProperties: false,
  required: [
    "schemaVersion",
    "articleId",
    "source",
    "status",
    "resultsBucket",
    "outputs",
    "languages",
    "timings",
  ],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    articleId: NON_EMPTY,
    source: { $ref: "#/$defs/source" },
    status: { enum: ARTICLE_STATUSES },
    resultsBucket: { ...NON_EMPTY, description: "Bucket the output keys live in." },
    outputs: {
      type: "object",
      additionalProperties: false,
      required: ["translations"],
      properties: {
        article: KEY,
        summary: KEY,
        summaryText: KEY,
        translations: {
          type: "object",
          propertyNames: LANGUAGE,
          additionalProperties: {
            type: "object",
            additionalProperties: false,
            required: ["json", "text"],
            properties: { json: KEY, text: KEY },
          },
        },
        error: KEY,
        report: KEY,
      },
    },
    languages: {
      type: "object",
      propertyNames: LANGUAGE,
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["status"],
        properties: {
          status: { enum: ["succeeded", "failed"] },
          key: { ...KEY, description: "Key of translations/<lang>.json when succeeded." },
          error: LANGUAGE_ERROR,
        },
        if: { type: "object", properties: { status: { const: "succeeded" } } },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, never awaited
        then: { type: "object", properties: { key: KEY }, required: ["key"] },
        else: { type: "object", properties: { error: LANGUAGE_ERROR }, required: ["error"] },
      },
    },
    timings: {
      type: "object",
      additionalProperties: false,
      required: ["startedAt", "completedAt", "stages"],
      properties: {
        startedAt: DATE_TIME,
        completedAt: DATE_TIME,
        stages: {
          type: "object",
          description: "Milliseconds per stage: normalize, summarize, translate.<lang>.",
          additionalProperties: { type: "number", minimum: 0 },
        },
      },
    },
  },
  allOf: [
    {
      if: { type: "object", properties: { status: { const: "failed" } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, never awaited
      then: {
        type: "object",
        properties: {
          outputs: { type: "object", properties: { error: KEY }, required: ["error"] },
        },
      },
      else: {
        type: "object",
        properties: {
          outputs: {
            type: "object",
            properties: { article: KEY, summary: KEY, summaryText: KEY },
            required: ["article", "summary", "summaryText"],
          },
        },
      },
    },
  ],
  $defs: {
    key: { type: "string", pattern: "^results/.+" },
    language: LANGUAGE_TAG_SCHEMA,
    source: {
      type: "object",
      additionalProperties: false,
      required: ["bucket", "key", "etag"],
      properties: {
        bucket: NON_EMPTY,
        key: NON_EMPTY,
        etag: { ...NON_EMPTY, pattern: '^[^"]+$' },
        versionId: { type: "string" },
      },
    },
    errorType: ERROR_TYPE_SCHEMA,
  },
} as const;

export type Manifest = FromSchema<typeof MANIFEST_SCHEMA>;
export type LanguageOutcome = Manifest["languages"][string];

export const ERROR_RECORD_STAGES = ["normalize", "summarize", "translate", "manifest"] as const;

const LANGUAGE_CODE = LANGUAGE_TAG_SCHEMA;

/**
 * `results/<id>/error.json` and `translations/<lang>.error.json`, published as schemas/error-record.schema.json:
 * why an article (or one language of it) could not be processed. The type below derives from it.
 */
export const ERROR_RECORD_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://article-pipeline.example/schemas/error-record.schema.json",
  title: "ErrorRecord",
  description:
    "results/<articleId>/error.json (the article failed) or results/<articleId>/translations/<lang>.error.json (one language failed).",
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "articleId", "stage", "errorType", "message", "source", "at"],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    articleId: { type: "string", minLength: 1 },
    stage: { enum: ERROR_RECORD_STAGES },
    errorType: ERROR_TYPE_SCHEMA,
    message: { type: "string", minLength: 1 },
    source: SOURCE_REF_SCHEMA,
    language: { ...LANGUAGE_CODE, description: "Present for a per-language translation failure." },
    at: { type: "string", format: "date-time" },
  },
  if: { type: "object", properties: { stage: { const: "translate" } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, never awaited
  then: { type: "object", properties: { language: LANGUAGE_CODE }, required: ["language"] },
} as const;

export type ErrorRecord = FromSchema<typeof ERROR_RECORD_SCHEMA>;

export const COMPLETION_EVENT = {
  source: "article-pipeline",
  detailType: "Article Processed",
} as const;

/** The EventBridge event, published as schemas/completion-event.schema.json; the detail's type derives from it. */
export const COMPLETION_EVENT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://article-pipeline.example/schemas/completion-event.schema.json",
  title: "Article Processed event",
  description:
    "The EventBridge event sent once a manifest is written (at least once: consumers dedupe on detail.articleId + detail.source.etag). It carries the manifest's location, not the manifest.",
  type: "object",
  required: ["source", "detail-type", "detail"],
  properties: {
    source: { const: COMPLETION_EVENT.source },
    "detail-type": { const: COMPLETION_EVENT.detailType },
    detail: {
      type: "object",
      additionalProperties: false,
      required: ["schemaVersion", "articleId", "status", "manifest", "source"],
      properties: {
        schemaVersion: { const: SCHEMA_VERSION },
        articleId: { type: "string", minLength: 1 },
        status: { enum: ARTICLE_STATUSES },
        manifest: {
          type: "object",
          additionalProperties: false,
          required: ["bucket", "key"],
          properties: {
            bucket: { type: "string", minLength: 1 },
            key: { type: "string", pattern: "^results/.+/manifest\\.json$" },
          },
        },
        source: SOURCE_REF_SCHEMA,
      },
    },
  },
} as const;

/** Detail of the EventBridge event (source "article-pipeline", detail-type "Article Processed"). */
export type ArticleProcessedDetail = FromSchema<typeof COMPLETION_EVENT_SCHEMA>["detail"];
