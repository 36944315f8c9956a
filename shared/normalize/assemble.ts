import type { Block, BlockType, RemovedItem, Sentence } from "../contract/article";
import { segmentSentences } from "./segment";
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

/** Joins the blocks into the article text and cuts each block into sentences with offsets into that text. */
export function assemble(typed: TypedBlock[], language: string | undefined): AssembledText {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  const dropped: RemovedItem[] = [];
  let offset = 0;
  for (const block of typed) {
    const spans = segmentSentences(block.text, language).filter((span) =>
      HAS_WORD.test(block.text.slice(span.start, span.end)),
    );
    if (spans.length === 0) {
      dropped.push({ kind: "markup", text: block.text, reason: "separator without words" });
      continue;
    }
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length;
    const blockId = `b${blocks.length}`;
    const sentenceIds: string[] = [];
    for (const span of spans) {
      const id = `s${sentences.length}`;
      sentenceIds.push(id);
      sentences.push({
        id,
        blockId,
        start: offset + span.start,
        end: offset + span.end,
        text: block.text.slice(span.start, span.end),
      });
    }
    blocks.push({
      id: blockId,
      type: block.type,
      start: offset,
      end: offset + block.text.length,
      sentenceIds,
    });
    parts.push(block.text);
    offset += block.text.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks, sentences, dropped };
}

const BODY_TYPES: ReadonlySet<BlockType> = new Set(["paragraph", "quote", "list-item"]);

export function isBodyBlock(type: BlockType): boolean {
  return BODY_TYPES.has(type);
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}
