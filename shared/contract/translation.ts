import type { FromSchema } from "json-schema-to-ts";
import { BLOCK_ID, BLOCK_TYPES, SENTENCE_ID } from "./article";
import { LANGUAGE_TAG_SCHEMA } from "./language";
import { SCHEMA_VERSION } from "./version";

export const TRANSLATION_ENGINES = ["amazon-translate", "apertium", "copy"] as const;
export type TranslationEngine = (typeof TRANSLATION_ENGINES)[number];

/**
 * `results/<id>/translations/<lang>.json` (and `<lang>.txt`: the translated blocks, blank-line separated),
 * published as schemas/translation.schema.json; the types below derive from it.
 */
export const TRANSLATION_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://article-pipeline.example/schemas/translation.schema.json",
  title: "ArticleTranslation",
  description:
    "results/<id>/translations/<lang>.json: one article in one target language, aligned to article.json by block and sentence id.",
  type: "object",
  additionalProperties: false,
  required: [
    "schemaVersion",
    "engine",
    "sourceLanguage",
    "targetLanguage",
    "blocks",
    "summary",
    "charactersBilled",
    "requests",
    "settings",
  ],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    engine: { enum: TRANSLATION_ENGINES },
    sourceLanguage: { $ref: "#/$defs/languageCode" },
    targetLanguage: { $ref: "#/$defs/languageCode" },
    blocks: {
      type: "array",
      items: { $ref: "#/$defs/block" },
    },
    summary: {
      description:
        "The translations of the summary's sentences, in the summary's order, joined by a newline.",
      type: "object",
      additionalProperties: false,
      required: ["sentenceIds", "text"],
      properties: {
        sentenceIds: { type: "array", items: { $ref: "#/$defs/sentenceId" } },
        text: { type: "string" },
      },
    },
    charactersBilled: {
      description:
        "Characters sent to the engine (what Amazon Translate bills), separators included.",
      type: "integer",
      minimum: 0,
    },
    requests: { type: "integer", minimum: 0 },
    settings: {
      description: "Engine settings in force: formality, profanity, brevity, terminologyNames.",
      type: "object",
      additionalProperties: {
        oneOf: [
          { type: "string" },
          { type: "boolean" },
          { type: "array", items: { type: "string" } },
        ],
      },
    },
  },
  $defs: {
    languageCode: {
      description:
        'A canonical BCP 47 tag (shared/contract/language.ts): ISO 639 language or "und", optional script, region, variants.',
      ...LANGUAGE_TAG_SCHEMA,
    },
    sentenceId: SENTENCE_ID,
    block: {
      type: "object",
      additionalProperties: false,
      required: ["id", "type", "sentences"],
      properties: {
        id: BLOCK_ID,
        type: { enum: BLOCK_TYPES },
        sentences: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["id", "text"],
            properties: {
              id: { $ref: "#/$defs/sentenceId" },
              text: { type: "string" },
            },
          },
        },
      },
    },
  },
} as const;

export type ArticleTranslation = FromSchema<typeof TRANSLATION_SCHEMA>;
export type TranslatedBlock = ArticleTranslation["blocks"][number];
export type TranslatedSentence = TranslatedBlock["sentences"][number];
