import { isUnspacedLanguage } from "../contract/language";
import { codePoints } from "./bytes";
import { type Chunk, packChunks, piece } from "./chunk";
import { splitAtByteLimit } from "./split";

/**
 * Transport: how sentences travel to an engine and come back aligned. Line-per-sentence: one sentence per
 * line, "\n" between lines, in plain text; line i of the answer is the translation of line i of the request.
 * Apertium keeps lines one to one in plain mode (tested); Amazon Translate keeps line breaks in plain text,
 * and where it does not for some chunk, the fallback below catches it.
 *
 * Chosen by what Amazon Translate bills (every character sent, markup and newlines included), measured by
 * `npm run bench:translate` on its seeded 100 KB news-shaped article (787 sentences, 100,620 characters):
 *   transport                               chars sent   ÷ translatable   requests
 *   line per sentence ("\n" between)          101,396         1.0077          11
 *   markup (<span id="sN">…</span>)            118,611         1.1788          12
 *   numbered lines ("[N] " before each)        106,018         1.0536          11
 *   one request per sentence                   100,620         1.0000         787
 * Lines cost one character per sentence and keep the request count at the minimum; markup costs ~22 per
 * sentence (and needs tag-aware handling); one request per sentence bills nothing extra but multiplies the
 * requests (and so the throttling and the latency) by the sentences per chunk, ~70 here. When an answer
 * comes back with a different number of lines (the service merged or split a line), only that chunk falls
 * back to one request per sentence.
 */
export const LINE_SEPARATOR = "\n";
const SEPARATOR_BYTES = 1;

/** Every character a line reader would treat as a line break; in a sentence they become spaces (same count). */
const LINE_BREAKS = /[\n\v\f\r\u0085\u2028\u2029]/g;

export interface TransportChunk {
  /** The lines to send, in order. */
  lines: string[];
  /** Index of the input text each line belongs to (a long text cut in pieces spans several lines). */
  textIndexes: number[];
  /** The request text: the lines joined by LINE_SEPARATOR. */
  text: string;
  bytes: number;
  /** Code points of `text`: what the request bills. */
  characters: number;
}

export interface TransportPlan {
  chunks: TransportChunk[];
  /** Rebuilds one translation per input text from one translated line per sent line, chunk by chunk. */
  assemble(translatedChunks: readonly (readonly string[])[]): string[];
  /**
   * The same when some chunks have no answer (undefined): a text gets its translation only if every chunk
   * carrying a piece of it was answered.
   */
  assemblePartial(
    translatedChunks: readonly (readonly string[] | undefined)[],
  ): (string | undefined)[];
}

/** A sentence as a single line: inner line breaks become spaces, the ends are trimmed (nothing to bill). */
export function toLine(text: string): string {
  return text.replace(LINE_BREAKS, " ").trim();
}

/**
 * Plans the requests for a list of sentences under a byte limit per request (Infinity for an engine without
 * one). Blank sentences are not sent: their "translation" is the text itself.
 */
export function planLineTransport(
  texts: readonly string[],
  targetLanguage: string,
  maxBytes: number,
): TransportPlan {
  const pieces = texts.flatMap((text, index) => {
    const line = toLine(text);
    if (line === "") return [];
    const parts = Number.isFinite(maxBytes) ? splitAtByteLimit(line, maxBytes) : [line];
    return parts.map((part) => piece(index, part));
  });
  const chunks = packChunks(pieces, maxBytes, SEPARATOR_BYTES);
  const joiner = wordJoiner(targetLanguage);
  return {
    chunks: chunks.map(toTransportChunk),
    assemble(translatedChunks) {
      return assemble(texts, chunks, translatedChunks, joiner).map(
        (text, i) => text ?? texts[i] ?? "",
      );
    },
    assemblePartial(translatedChunks) {
      return assemble(texts, chunks, translatedChunks, joiner);
    },
  };
}

/** The answer's lines, or undefined when their number differs from what was sent. */
export function splitLines(translated: string, expected: number): string[] | undefined {
  const lines = translated.split(/\r?\n/);
  // A trailing newline added by an engine is not a segment.
  while (lines.length > expected && lines[lines.length - 1]?.trim() === "") lines.pop();
  return lines.length === expected ? lines : undefined;
}

/** What goes between two pieces of text in this language: a space, or nothing where words are unspaced. */
export function wordJoiner(language: string): string {
  return isUnspacedLanguage(language) ? "" : " ";
}

function toTransportChunk(chunk: Chunk): TransportChunk {
  const lines = chunk.pieces.map((p) => p.text);
  const text = lines.join(LINE_SEPARATOR);
  const textIndexes = chunk.pieces.map((p) => p.textIndex);
  return { lines, textIndexes, text, bytes: chunk.bytes, characters: codePoints(text) };
}

function assemble(
  texts: readonly string[],
  chunks: readonly Chunk[],
  translatedChunks: readonly (readonly string[] | undefined)[],
  joiner: string,
): (string | undefined)[] {
  if (translatedChunks.length !== chunks.length) {
    throw new RangeError(
      `expected ${chunks.length} translated chunks, got ${translatedChunks.length}`,
    );
  }
  const parts: { source: string; translation: string }[][] = texts.map(() => []);
  const unanswered = new Set<number>();
  chunks.forEach((chunk, c) => {
    const lines = translatedChunks[c];
    if (lines === undefined) {
      for (const p of chunk.pieces) unanswered.add(p.textIndex);
      return;
    }
    if (lines.length !== chunk.pieces.length) {
      throw new RangeError(
        `chunk ${c}: expected ${chunk.pieces.length} translated lines, got ${lines.length}`,
      );
    }
    chunk.pieces.forEach((p, i) => {
      parts[p.textIndex]?.push({ source: p.text, translation: (lines[i] ?? "").trim() });
    });
  });
  return texts.map((text, index) => {
    if (unanswered.has(index)) return undefined;
    const translated = parts[index] ?? [];
    if (translated.length === 0) return text;
    return translated.reduce(
      (joined, part, i) =>
        i === 0
          ? part.translation
          : joined + joinerAfter(translated[i - 1]?.source ?? "", joiner) + part.translation,
      "",
    );
  });
}

/** Characters of scripts written without spaces: a cut between two of them is a cut between words. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]$/u;

/**
 * How to join the translations of two pieces of one sentence: like words of the target language where the
 * source was cut between words (after whitespace, or inside unspaced script), and with nothing where a long
 * token with no whitespace (a URL, a number) had to be cut inside.
 */
function joinerAfter(previousSource: string, wordJoiner: string): string {
  if (/\s$/.test(previousSource) || UNSPACED_SCRIPT.test(previousSource)) return wordJoiner;
  return "";
}
