import {
  type BlockType,
  type DetectedLanguage,
  isBodyBlock,
  type NormalizedArticle,
  type SourceEncoding,
  type SourceFormat,
} from "../contract/article";
import { SCHEMA_VERSION } from "../contract/version";
import { DEFAULT_MAX_INPUT_BYTES } from "../limits";
import { assemble } from "./assemble";
import { cleanText } from "./clean";
import { countWords } from "./count-words";
import { decodeBytes } from "./decode";
import {
  EmptyArticleError,
  InputTooLargeError,
  NoSentenceError,
  UnsupportedFormatError,
} from "./errors";
import { readDocx } from "./formats/docx";
import { readHtml } from "./formats/html";
import { readJson, readJsonValue } from "./formats/json";
import { readMarkdown } from "./formats/markdown";
import { readPdf } from "./formats/pdf";
import { readPlainText } from "./formats/txt";
import type { ParsedDocument } from "./formats/types";
import { detectLanguage, languageOverride } from "./language";
import { buildStructure } from "./structure";

export * from "./errors";
export { type SentenceSpan, segmentSentences } from "./segment";

export interface NormalizeInput {
  bytes: Uint8Array;
  /** The file name or object key: its extension picks the format, and every error message names it. */
  fileName: string;
  /** A language stated outside the file (S3 object metadata); wins over JSON `language` and detection. */
  languageOverride?: string;
  /** Refuse larger inputs, and a .docx or .pdf whose text is larger (default DEFAULT_MAX_INPUT_BYTES). */
  maxBytes?: number;
}

const FORMATS: Record<string, SourceFormat> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  json: "json",
  docx: "docx",
  pdf: "pdf",
};

/** Formats read from their binary container by an asynchronous library rather than decoded as text. */
type DocumentFormat = "docx" | "pdf";
/** A reader gets the input limit: what a document unpacks to is bounded by it, as its text is (checkTextSize). */
type DocumentReader = (
  bytes: Uint8Array,
  fileName: string,
  maxBytes: number,
) => Promise<ParsedDocument>;
const DOCUMENT_READERS: Record<DocumentFormat, DocumentReader> = { docx: readDocx, pdf: readPdf };
const isDocumentFormat = (format: SourceFormat): format is DocumentFormat =>
  Object.hasOwn(DOCUMENT_READERS, format);

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS).map((ext) => `.${ext}`);

function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** True when the name's extension is one the normalizer reads (tooling that picks files asks here). */
export function isSupportedFileName(fileName: string): boolean {
  return Object.hasOwn(FORMATS, extensionOf(fileName));
}

function formatOf(fileName: string): SourceFormat {
  const extension = extensionOf(fileName);
  const format = Object.hasOwn(FORMATS, extension) ? FORMATS[extension] : undefined;
  if (!format) {
    const found = extension ? `".${extension}"` : "no extension";
    throw new UnsupportedFormatError(
      `unsupported file type (${found}); expected one of ${SUPPORTED_EXTENSIONS.join(", ")}`,
      fileName,
    );
  }
  return format;
}

function parse(
  format: Exclude<SourceFormat, DocumentFormat>,
  text: string,
  fileName: string,
  decoded: string,
): ParsedDocument {
  switch (format) {
    case "json":
      return readJson(decoded, fileName, text);
    case "md":
      return readMarkdown(text);
    case "html":
      return readHtml(text, fileName);
    case "txt":
      return { format, title: null, blocks: readPlainText(text), removed: [] };
  }
}

/** The input's format, once its size is checked. */
function checkedFormat(input: NormalizeInput): SourceFormat {
  const { bytes, fileName } = input;
  const format = formatOf(fileName);
  checkSize(bytes.length, input.maxBytes, fileName);
  return format;
}

function checkSize(bytes: number, limit: number | undefined, fileName: string): void {
  const maxBytes = limit ?? DEFAULT_MAX_INPUT_BYTES;
  if (bytes > maxBytes) {
    throw new InputTooLargeError(`${bytes} bytes is over the limit of ${maxBytes} bytes`, fileName);
  }
}

/**
 * Raw bytes + file name → the normalized article (`article.json`). Pure and synchronous, for the text formats;
 * .docx and .pdf, whose readers are asynchronous, go through normalizeDocument. Every bad input throws a typed
 * InputError whose message starts with the file name.
 */
export function normalizeArticle(input: NormalizeInput): NormalizedArticle {
  const { bytes, fileName } = input;
  const format = checkedFormat(input);
  if (isDocumentFormat(format)) {
    throw new Error(`${fileName}: .${format} is read by normalizeDocument (asynchronous)`);
  }
  const decoded = decodeBytes(bytes, fileName, { html: format === "html" });
  const text = cleanText(decoded.text);
  if (text.trim().length === 0) {
    throw new EmptyArticleError("holds only whitespace", fileName);
  }
  return articleOf(
    parse(format, text, fileName, decoded.text),
    input,
    decoded.encoding,
    bytes.length,
  );
}

/** Every format, .docx and .pdf included: what the pipeline and the command line call. */
export async function normalizeDocument(input: NormalizeInput): Promise<NormalizedArticle> {
  const format = checkedFormat(input);
  if (!isDocumentFormat(format)) return normalizeArticle(input);
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const doc = await DOCUMENT_READERS[format](input.bytes, input.fileName, maxBytes);
  checkTextSize(doc, maxBytes, input.fileName);
  return articleOf(doc, input, "utf-8", input.bytes.length);
}

/** A JSON article already parsed, and the size of the source it was read from. */
export interface JsonValueInput extends Omit<NormalizeInput, "bytes"> {
  value: unknown;
  bytes: number;
}

/**
 * A JSON article (`{title?, text|body, language?}`, what a .json file holds) already parsed, as the summarize
 * CLI has each row: the article normalizeArticle makes of the same object saved as a .json file, without
 * serializing, encoding, decoding and parsing it again (together a few percent of a summary's time).
 */
export function normalizeJsonValue(input: JsonValueInput): NormalizedArticle {
  checkSize(input.bytes, input.maxBytes, input.fileName);
  return articleOf(readJsonValue(input.value, input.fileName), input, "utf-8", input.bytes);
}

/**
 * A .docx or .pdf compresses its text (a zip, deflated pages), so its bytes do not bound its text: a 2 MiB .docx
 * of news holds about 2.4 × 2 MiB of text, and one of repeated paragraphs 100 × its size. The stages after
 * normalize (summarize, translate, the report) are sized by `maxBytes` of text, as a .txt of that size carries
 * (shared/pipeline/resources.ts, INPUT_BUDGET; Amazon Translate bills that text once per language), so the
 * limit holds for the text the document unpacks to as well.
 */
function checkTextSize(doc: ParsedDocument, maxBytes: number, fileName: string): void {
  let textBytes = 0;
  for (const block of doc.blocks) textBytes += Buffer.byteLength(block.text, "utf8") + 2;
  if (textBytes > maxBytes) {
    throw new InputTooLargeError(
      `its text is ${textBytes} bytes once unpacked from the .${doc.format}, over the limit of ${maxBytes} bytes (the limit holds for a document's text too)`,
      fileName,
    );
  }
}

/** The parsed document → the article: structure, language, sentences. */
function articleOf(
  doc: ParsedDocument,
  input: Pick<NormalizeInput, "fileName" | "languageOverride">,
  encoding: SourceEncoding,
  bytes: number,
): NormalizedArticle {
  const { fileName } = input;
  const format = doc.format;
  const structure = buildStructure(doc);
  const stated = input.languageOverride?.trim() || doc.language;
  // Detected before assembling: the segmenter splits sentences by the language's rules.
  const language: DetectedLanguage = stated
    ? languageOverride(stated, fileName)
    : detectLanguage(languageSample(structure.blocks));
  const assembled = assemble(
    structure.blocks,
    language.code === "und" ? undefined : language.code,
    structure.cased,
  );
  if (assembled.sentences.length === 0) {
    const why = structure.removed.length > 0 ? " once boilerplate is removed" : "";
    throw new NoSentenceError(`has no sentence with a letter or a digit${why}`, fileName);
  }
  const bodyBlocks = assembled.blocks.filter((block) => isBodyBlock(block.type));
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name: baseName(fileName), format, encoding, bytes },
    language,
    title: structure.title,
    dek: structure.dek,
    text: assembled.text,
    blocks: assembled.blocks,
    sentences: assembled.sentences,
    removed: [...structure.removed, ...assembled.dropped],
    stats: {
      characters: assembled.text.length,
      words: countWords(assembled.text),
      sentences: assembled.sentences.length,
      paragraphs: bodyBlocks.length,
    },
  };
}

/** detectLanguage reads less than this; slicing here keeps a 10 MB text from being copied. */
const LANGUAGE_SAMPLE_CHARS = 1_000;

function baseName(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf("/") + 1);
}

/**
 * Body text when there is some (headlines are short and title-cased: a weaker signal), else everything: the
 * blocks from the first body block with a letter on, as the assembled text will hold them.
 */
function languageSample(blocks: { type: BlockType; text: string }[]): string {
  const first = blocks.findIndex((block) => isBodyBlock(block.type) && HAS_LETTER.test(block.text));
  const parts: string[] = [];
  let length = 0;
  for (let i = Math.max(0, first); i < blocks.length && length < LANGUAGE_SAMPLE_CHARS; i++) {
    const text = (blocks[i] as { text: string }).text;
    parts.push(text);
    length += text.length + 2;
  }
  return parts.join("\n\n").slice(0, LANGUAGE_SAMPLE_CHARS);
}

const HAS_LETTER = /\p{L}/u;
