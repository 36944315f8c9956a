import type { Block, RemovedItem, Sentence } from "../contract/article";
import { type SentenceSpan, segmentSentences } from "./segment";
import type { TypedBlock } from "./structure";

export interface AssembledText {
  text: string;
  blocks: Block[];
  sentences: Sentence[];
  /** Blocks dropped because not one sentence in them has a letter or digit ("* * *", "---"). */
  dropped: RemovedItem[];
  /** Words in `text`, counted block by block while each block is still in the CPU cache. */
  words: number;
}

const BLOCK_SEPARATOR = "\n\n";
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Joins the blocks into the article text and cuts each block into sentences with offsets into that text.
 * Sentence texts are sliced from the joined text (not from the blocks), so the block strings can be
 * collected and a 10 MB article holds its text once.
 */
/** @param cased false when no block has an uppercase letter (the structure pass found none), which spares each block a scan for one */
export function assemble(
  typed: TypedBlock[],
  language: string | undefined,
  cased = true,
): AssembledText {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const dropped: RemovedItem[] = [];
  // Flat [start, end, blockIndex] triples: far less for the young-generation GC to copy than span objects.
  const offsets: number[] = [];
  let offset = 0;
  let words = 0;
  // Indexed loops and no filter callback: a smaller function for the optimizing compiler, which compiles
  // this one early in every run.
  for (let b = 0; b < typed.length; b++) {
    const block = typed[b] as TypedBlock;
    const blockText = block.text;
    const spans = segmentSentences(blockText, language, cased);
    const firstKept = offsets.length;
    for (let s = 0; s < spans.length; s++) {
      const span = spans[s] as SentenceSpan;
      if (hasWord(blockText, span.start, span.end)) {
        offsets.push(span.start, span.end, blocks.length);
      }
    }
    if (offsets.length === firstKept) {
      dropped.push({ kind: "markup", text: blockText, reason: "separator without words" });
      continue;
    }
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length;
    const sentenceIds: string[] = [];
    for (let k = firstKept; k < offsets.length; k += 3) {
      sentenceIds.push(`s${k / 3}`);
      offsets[k] = (offsets[k] as number) + offset;
      offsets[k + 1] = (offsets[k + 1] as number) + offset;
    }
    blocks.push({
      id: `b${blocks.length}`,
      type: block.type,
      start: offset,
      end: offset + blockText.length,
      sentenceIds,
    });
    parts.push(blockText);
    words += countWords(blockText);
    offset += blockText.length;
  }
  const text = parts.join(BLOCK_SEPARATOR);
  const sentences: Sentence[] = new Array(offsets.length / 3);
  for (let i = 0; i < sentences.length; i++) {
    const start = offsets[i * 3] as number;
    const end = offsets[i * 3 + 1] as number;
    const block = blocks[offsets[i * 3 + 2] as number] as Block;
    sentences[i] = { id: `s${i}`, blockId: block.id, start, end, text: text.slice(start, end) };
  }
  return { text, blocks, sentences, dropped, words };
}

/**
 * A sentence worth keeping has a letter, a digit or an underscore: "* * *" and "---" are separators, while
 * news wires mark sections of the story itself with "___".
 */
function hasWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (
        (code >= 0x30 && code <= 0x39) ||
        ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ||
        code === 0x5f
      )
        return true;
    } else if (HAS_WORD.test(String.fromCodePoint(text.codePointAt(i) ?? code))) {
      // By code point: a letter outside the BMP (𝐁, 𠀀) is two UTF-16 units, neither of them a letter.
      return true;
    }
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Kinds of code unit to countWords; WORD is the one odd value, so `kind & 1` says "word character". */
const WORD = 1;
const OTHER = 2;
const JOINER = 4;
/**
 * What each UTF-16 code unit is to countWords (0 = not looked up yet): a table read instead of a regex test on
 * a one-character string for every non-ASCII character. By unit, as before: each half of a surrogate pair is
 * OTHER, whatever the pair is.
 */
const unitKind = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  const letterOrDigit =
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39);
  unitKind[code] = letterOrDigit ? WORD : OTHER;
}
// Joiners inside a word: "don't", "U.S", "co-operate" count once.
for (const joiner of [0x27, 0x2019, 0x2e, 0x2d]) unitKind[joiner] = JOINER;

function kindOf(code: number): number {
  const kind = unitKind[code] as number;
  return kind === 0 ? lookUpKind(code) : kind;
}

function lookUpKind(code: number): number {
  const kind = WORD_CHAR.test(String.fromCharCode(code)) ? WORD : OTHER;
  unitKind[code] = kind;
  return kind;
}

/**
 * Words: runs of letters, digits and marks, joined by an apostrophe, period or hyphen between two of them.
 * Counted with arithmetic rather than a branch per character: letters and spaces alternate every few
 * characters, which a branch mispredicts.
 */
export function countWords(text: string): number {
  const n = text.length;
  let count = 0;
  let inWord = 0;
  for (let i = 0; i < n; i++) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === JOINER) {
      // The word goes on only if a word character follows.
      inWord = inWord === 1 && i + 1 < n && kindOf(text.charCodeAt(i + 1)) === WORD ? 1 : 0;
      continue;
    }
    const word = kind & 1;
    count += word & (inWord ^ 1);
    inWord = word;
  }
  return count;
}

// A look-up first made once the count is optimized throws that code away (no feedback for it): a text with a
// dozen distinct non-ASCII characters (V8 keeps feedback for a function from its eighth call on), counted at
// load, makes the look-ups while the count is still interpreted.
countWords("Counted at load: café, naïve, Ørsted – «déjà vu», señor, Zürich, Łódź, São, Straße");
