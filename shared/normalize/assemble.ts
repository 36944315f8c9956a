import type { Block, RemovedItem, Sentence } from "../contract/article";
import { callUntilFeedback, warmUpOnFirstUse } from "../v8/warm-up";
import { type SentenceSpan, segmentSentences } from "./segment";
import type { TypedBlock } from "./structure";

export interface AssembledText {
  text: string;
  blocks: Block[];
  sentences: Sentence[];
  /** Blocks dropped because not one sentence in them has a letter or digit ("* * *", "---"). */
  dropped: RemovedItem[];
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
  warmUp();
  const parts: string[] = [];
  const blocks: Block[] = [];
  const dropped: RemovedItem[] = [];
  // Flat [start, end, blockIndex] triples: far less for the young-generation GC to copy than span objects.
  const offsets: number[] = [];
  let offset = 0;
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
  return { text, blocks, sentences, dropped };
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

/**
 * hasWord's non-ASCII path (a sentence opening with "“" or "£", a letter like "é"), taken before the first
 * article: optimized before any sentence took it, hasWord would be thrown away at the first one and compiled
 * again (shared/v8/warm-up.ts).
 */
const warmUp = warmUpOnFirstUse(() => callUntilFeedback(() => hasWord("“é", 0, 2)));
