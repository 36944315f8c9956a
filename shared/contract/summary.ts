import type { FromSchema } from "json-schema-to-ts";
import { SENTENCE_ID } from "./article";
import { SCHEMA_VERSION } from "./version";

function lengthMode<M extends string, V extends object>(mode: M, value: V) {
  return {
    type: "object",
    additionalProperties: false,
    required: ["mode", "value"],
    properties: { mode: { const: mode }, value },
  } as const;
}

/** `results/<id>/summary.json`, published as schemas/summary.schema.json; the types below derive from it. */
export const SUMMARY_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://article-pipeline.example/schemas/summary.schema.json",
  title: "Article summary",
  description:
    "results/<id>/summary.json: the extractive summary of an article. Sentences are whole body sentences of article.json, in document order; summary.txt holds `text`.",
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "language", "method", "length", "sentences", "text"],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    language: {
      description: 'ISO 639-1 code of the article\'s language, or "und".',
      type: "string",
      minLength: 2,
    },
    method: {
      description: "Name and version of the scoring method.",
      type: "string",
      minLength: 1,
    },
    length: {
      description:
        "The requested length: exactly one of sentence count, word budget, or ratio of the body sentences.",
      oneOf: [
        lengthMode("sentences", { type: "integer", minimum: 1 } as const),
        lengthMode("words", { type: "integer", minimum: 1 } as const),
        lengthMode("ratio", { type: "number", exclusiveMinimum: 0, maximum: 1 } as const),
      ],
    },
    sentences: {
      description:
        "Picked sentences in document order; empty when the article has no body sentence.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "text", "score", "position"],
        properties: {
          id: { description: "Sentence id in article.json.", ...SENTENCE_ID },
          text: { type: "string", minLength: 1 },
          score: { type: "number", minimum: 0, maximum: 1 },
          position: {
            description: "0-based index among the article's body sentences.",
            type: "integer",
            minimum: 0,
          },
        },
      },
    },
    text: { description: 'The sentence texts joined by "\\n".', type: "string" },
    reason: {
      description: "Why the summary is empty or shorter than asked.",
      type: "string",
      minLength: 1,
    },
  },
} as const;

/** `results/<id>/summary.json` (and `summary.txt`: the sentence texts, one per line). */
export type ArticleSummary = FromSchema<typeof SUMMARY_SCHEMA>;
/** How long a summary should be. Exactly one of the three. */
export type SummaryLength = ArticleSummary["length"];
export type SummarySentence = ArticleSummary["sentences"][number];
