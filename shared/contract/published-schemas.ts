/**
 * The JSON Schemas the contract publishes, by file name under shared/contract/schemas/. The TypeScript objects
 * are the source: `npm run schemas` writes the files and a test fails when a committed file differs.
 *
 * Why schema-first with json-schema-to-ts: the schemas say more than TypeScript can (patterns, bounds, if/then
 * rules), so writing them as `as const` objects keeps every keyword as published, and `FromSchema` derives the
 * types at compile time only: the library is a devDependency and nothing of it reaches the Lambda bundles.
 * TypeBox would have made the schemas runtime builder calls (a runtime dependency, and a published form that
 * is the builder's); types-first generators (ts-json-schema-generator) cannot state the if/then rules.
 */
import { ARTICLE_SCHEMA } from "./article";
import { COMPLETION_EVENT_SCHEMA, ERROR_RECORD_SCHEMA, MANIFEST_SCHEMA } from "./manifest";
import { SUMMARY_SCHEMA } from "./summary";
import { TRANSLATION_SCHEMA } from "./translation";

export const PUBLISHED_SCHEMAS = {
  "article.schema.json": ARTICLE_SCHEMA,
  "summary.schema.json": SUMMARY_SCHEMA,
  "translation.schema.json": TRANSLATION_SCHEMA,
  "manifest.schema.json": MANIFEST_SCHEMA,
  "error-record.schema.json": ERROR_RECORD_SCHEMA,
  "completion-event.schema.json": COMPLETION_EVENT_SCHEMA,
} as const;
