import type { SchemaVersion } from "./version";

/** Input formats the normalizer accepts, chosen by file extension. */
export type SourceFormat = "txt" | "md" | "html" | "json";

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
export type BlockType =
  | "title"
  | "dek"
  | "heading"
  | "paragraph"
  | "caption"
  | "quote"
  | "list-item";

const BODY_TYPES: ReadonlySet<BlockType> = new Set(["paragraph", "quote", "list-item"]);

/** Body blocks hold the sentences a summarizer may pick and count as paragraphs in `stats`. */
export function isBodyBlock(type: BlockType): boolean {
  return BODY_TYPES.has(type);
}

export interface Block {
  /** Stable within the article: "b0", "b1", … in document order. */
  id: string;
  type: BlockType;
  /** Offsets into `NormalizedArticle.text` (UTF-16 code units, i.e. JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  /** Ids of the sentences this block holds, in order. */
  sentenceIds: string[];
}

export interface Sentence {
  /** Stable within the article: "s0", "s1", … in document order. */
  id: string;
  blockId: string;
  /** Offsets into `NormalizedArticle.text` (UTF-16 code units), end exclusive; text === article.text.slice(start, end). */
  start: number;
  end: number;
  text: string;
}

/** Something the normalizer took out of the article, listed so nothing is silently lost. */
export interface RemovedItem {
  kind: "boilerplate" | "duplicate-headline" | "markup";
  text: string;
  /** Why it was removed, e.g. 'footer: "Before You Go"'. */
  reason: string;
}

export interface DetectedLanguage {
  /** ISO 639-1 code ("en", "es", …), or "und" when undetermined. */
  code: string;
  /** 0..1. An override from the input has confidence 1. */
  confidence: number;
  method: "detected" | "override";
}

/** `results/<id>/article.json`: the one clean representation every later stage reads. */
export interface NormalizedArticle {
  schemaVersion: SchemaVersion;
  source: {
    /** File name (last key segment) the article came from. */
    name: string;
    format: SourceFormat;
    encoding: SourceEncoding;
    /** Size of the raw input in bytes. */
    bytes: number;
  };
  language: DetectedLanguage;
  title: string | null;
  /** A near-duplicate second headline kept as a dek (stand-first), when present. */
  dek: string | null;
  /** Normalized text: blocks in order, separated by a blank line ("\n\n"). NFC, "\n" line endings. */
  text: string;
  blocks: Block[];
  sentences: Sentence[];
  removed: RemovedItem[];
  stats: {
    characters: number;
    words: number;
    sentences: number;
    /** Number of body blocks (paragraph, quote, list-item). */
    paragraphs: number;
  };
}
