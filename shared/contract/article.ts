import type { FromSchema } from "json-schema-to-ts";
import { LANGUAGE_TAG_SCHEMA } from "./language";
import { SCHEMA_VERSION } from "./version";

/** Input formats the normalizer accepts, chosen by file extension. */
export const SOURCE_FORMATS = ["txt", "md", "html", "json", "docx", "pdf"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * How the raw bytes were decoded: an encoding of the WHATWG Encoding Standard by its canonical name (the
 * name TextDecoder reports: "latin1" and "iso-8859-1" are "windows-1252", "gb2312" is "gbk").
 */
export const SOURCE_ENCODINGS = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "ibm866",
  "iso-8859-2",
  "iso-8859-3",
  "iso-8859-4",
  "iso-8859-5",
  "iso-8859-6",
  "iso-8859-7",
  "iso-8859-8",
  "iso-8859-8-i",
  "iso-8859-10",
  "iso-8859-13",
  "iso-8859-14",
  "iso-8859-15",
  "iso-8859-16",
  "koi8-r",
  "koi8-u",
  "macintosh",
  "windows-874",
  "windows-1250",
  "windows-1251",
  "windows-1252",
  "windows-1253",
  "windows-1254",
  "windows-1255",
  "windows-1256",
  "windows-1257",
  "windows-1258",
  "x-mac-cyrillic",
  "gbk",
  "gb18030",
  "big5",
  "euc-jp",
  "iso-2022-jp",
  "shift_jis",
  "euc-kr",
] as const;
export type SourceEncoding = (typeof SOURCE_ENCODINGS)[number];

/**
 * Kinds of structural unit. Only `paragraph` (and `quote`) blocks hold body sentences a summarizer may pick;
 * titles, deks, headings and captions are kept for translation and display.
 */
export const BLOCK_TYPES = [
  "title",
  "dek",
  "heading",
  "paragraph",
  "caption",
  "quote",
  "list-item",
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

const BODY_TYPES: ReadonlySet<BlockType> = new Set(["paragraph", "quote", "list-item"]);

/** Body blocks hold the sentences a summarizer may pick and count as paragraphs in `stats`. */
export function isBodyBlock(type: BlockType): boolean {
  return BODY_TYPES.has(type);
}

/** Block and sentence ids as every schema that names them states them ("b0", "s0", …). */
export const BLOCK_ID = { type: "string", pattern: "^b[0-9]+$" } as const;
export const SENTENCE_ID = { type: "string", pattern: "^s[0-9]+$" } as const;
const OFFSET = { $ref: "#/$defs/offset" } as const;

/**
 * `results/<id>/article.json`, published as schemas/article.schema.json: the one clean representation every
 * later stage reads. The types below are derived from it, so the file and the types cannot drift apart.
 */
export const ARTICLE_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://article-pipeline.example/schemas/article.schema.json",
  title: "NormalizedArticle",
  description:
    "results/<articleId>/article.json: the one clean representation of an article that every later stage reads (shared/contract/article.ts).",
  type: "object",
  additionalProperties: false,
  required: [
    "schemaVersion",
    "source",
    "language",
    "title",
    "dek",
    "text",
    "blocks",
    "sentences",
    "removed",
    "stats",
  ],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    source: {
      type: "object",
      additionalProperties: false,
      required: ["name", "format", "encoding", "bytes"],
      properties: {
        name: { type: "string", minLength: 1, description: "File name (last key segment)." },
        format: { enum: SOURCE_FORMATS },
        encoding: {
          description:
            "WHATWG Encoding Standard name of the encoding the bytes were decoded with; utf-8 for .docx and .pdf, whose text their readers give as Unicode.",
          enum: SOURCE_ENCODINGS,
        },
        bytes: { type: "integer", minimum: 1, description: "Size of the raw input in bytes." },
      },
    },
    language: {
      type: "object",
      additionalProperties: false,
      required: ["code", "confidence", "method"],
      properties: {
        code: {
          ...LANGUAGE_TAG_SCHEMA,
          description:
            "Canonical BCP 47 tag (shared/contract/language.ts): ISO 639-1 when detected, as given for overrides such as pt-PT, und when undetermined.",
        },
        confidence: {
          type: "number",
          minimum: 0,
          maximum: 1,
          description: "0..1. An override from the input has confidence 1.",
        },
        method: { enum: ["detected", "override"] },
      },
    },
    title: { type: ["string", "null"] },
    dek: {
      type: ["string", "null"],
      description: "A near-duplicate second headline kept as a dek (stand-first), when present.",
    },
    text: {
      type: "string",
      minLength: 1,
      description: "Blocks in order separated by a blank line; NFC; \\n line endings.",
    },
    blocks: { type: "array", minItems: 1, items: { $ref: "#/$defs/block" } },
    sentences: { type: "array", minItems: 1, items: { $ref: "#/$defs/sentence" } },
    removed: { type: "array", items: { $ref: "#/$defs/removedItem" } },
    stats: {
      type: "object",
      additionalProperties: false,
      required: ["characters", "words", "sentences", "paragraphs"],
      properties: {
        characters: { type: "integer", minimum: 0 },
        words: { type: "integer", minimum: 0 },
        sentences: { type: "integer", minimum: 0 },
        paragraphs: {
          type: "integer",
          minimum: 0,
          description: "Number of body blocks (paragraph, quote, list-item).",
        },
      },
    },
  },
  $defs: {
    offset: {
      type: "integer",
      minimum: 0,
      description: "UTF-16 code unit index into text.",
    },
    block: {
      type: "object",
      additionalProperties: false,
      required: ["id", "type", "start", "end", "sentenceIds"],
      properties: {
        id: {
          ...BLOCK_ID,
          description: 'Stable within the article: "b0", "b1", … in document order.',
        },
        type: { enum: BLOCK_TYPES },
        start: OFFSET,
        end: { ...OFFSET, description: "End offset, exclusive." },
        sentenceIds: { type: "array", minItems: 1, items: SENTENCE_ID },
      },
    },
    sentence: {
      type: "object",
      additionalProperties: false,
      required: ["id", "blockId", "start", "end", "text"],
      properties: {
        id: {
          ...SENTENCE_ID,
          description: 'Stable within the article: "s0", "s1", … in document order.',
        },
        blockId: BLOCK_ID,
        start: OFFSET,
        end: { ...OFFSET, description: "End offset, exclusive." },
        text: {
          type: "string",
          minLength: 1,
          description: "Equal to article.text.slice(start, end).",
        },
      },
    },
    removedItem: {
      description:
        "Something the normalizer took out of the article, listed so nothing is silently lost.",
      type: "object",
      additionalProperties: false,
      required: ["kind", "text", "reason"],
      properties: {
        kind: { enum: ["boilerplate", "duplicate-headline", "markup"] },
        text: { type: "string" },
        reason: {
          type: "string",
          description: "Why it was removed, e.g. 'footer: \"Before You Go\"'.",
        },
      },
    },
  },
} as const;

export type NormalizedArticle = FromSchema<typeof ARTICLE_SCHEMA>;
export type Block = NormalizedArticle["blocks"][number];
export type Sentence = NormalizedArticle["sentences"][number];
export type RemovedItem = NormalizedArticle["removed"][number];
export type DetectedLanguage = NormalizedArticle["language"];
