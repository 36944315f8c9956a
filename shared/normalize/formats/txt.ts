import type { RawBlock } from "./types";

const BLANK_LINE = /\n[ \t]*\n\s*/;
const BULLET = /^\s*(?:[-*•▪‣◦]|\d{1,3}[.)])\s+\S/;
const BULLET_MARK = /^\s*(?:[-*•▪‣◦]|\d{1,3}[.)])\s+/;

/**
 * Plain text → blocks: a blank line separates blocks; a run of bulleted lines ("- ", "* ", "• ", "1. ")
 * becomes one list-item block per line. Other line breaks inside a block are hard wraps.
 */
export function readPlainText(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  // A text without a line break is one chunk: a search for "\n" is cheaper than the split's regex.
  const chunks = text.includes("\n") ? text.split(BLANK_LINE) : [text];
  for (const chunk of chunks) {
    if (chunk.trim().length === 0) continue;
    // Most chunks are one line (a paragraph): no list to look for.
    if (!chunk.includes("\n")) {
      blocks.push({ text: chunk });
      continue;
    }
    const lines = chunk.split("\n").filter((line) => line.trim().length > 0);
    if (lines.length > 1 && lines.every((line) => BULLET.test(line))) {
      for (const line of lines)
        blocks.push({ text: line.replace(BULLET_MARK, ""), type: "list-item" });
    } else {
      blocks.push({ text: chunk });
    }
  }
  return blocks;
}
