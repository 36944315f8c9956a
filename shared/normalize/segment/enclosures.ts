import { Code, codeAt, isSpace } from "./chars";

/**
 * Brackets longer than this are not held together: a sentence mark inside them ends the sentence as usual.
 * A bound keeps one stray "(" from gluing a paragraph into one "sentence", and each look-ahead short.
 */
const MAX_ENCLOSED = 300;
/** Deeper nesting than this is not tracked: a bound keeps each closing mark's search O(1). */
const MAX_DEPTH = 8;
const UNKNOWN = -1;
const NEVER = -2;

/**
 * The brackets open at the scanner's position: round, square, full-width and the CJK corner and title
 * brackets. A sentence mark inside a pair that closes later is not a sentence end (`(… 2012 жыл. №590-591)`,
 * `《摔跤吧！爸爸》`, `「…３．２９％…」`); right before the closing mark, the words after the pair decide.
 * Quotation marks are not held together this way: a quotation of several sentences is several sentences,
 * as the news summaries this project is scored against count them.
 *
 * The scanner feeds every bracket it passes (`see`); where a pair is open at a sentence mark, one look-ahead
 * of at most MAX_ENCLOSED characters finds where it closes, remembered per pair: linear overall.
 */
export class OpenPairs {
  // Fixed-size stacks and a depth counter: pairs open and close all the time, and resizing arrays costs.
  private readonly expected = new Int32Array(MAX_DEPTH);
  private readonly opened = new Int32Array(MAX_DEPTH);
  /** Where each open pair closes: a position, UNKNOWN (not looked for yet) or NEVER (not within reach). */
  private readonly closesAt = new Int32Array(MAX_DEPTH);
  private depth = 0;
  private readonly replay = new Int32Array(MAX_DEPTH);

  /** Updates the open pairs with the character at `i`, a bracket (see `mayEnclose`). */
  see(i: number, code: number): void {
    const depth = closingDepth(this.expected, this.depth, code);
    if (depth >= 0) {
      this.depth = depth;
      return;
    }
    const closer = closerOf(code);
    if (closer > 0 && this.depth < MAX_DEPTH) {
      this.expected[this.depth] = closer;
      this.opened[this.depth] = i;
      this.closesAt[this.depth] = UNKNOWN;
      this.depth++;
    }
  }

  /** A blank line: quotes and brackets do not cross it. */
  reset(): void {
    this.depth = 0;
  }

  /** Is a sentence mark at `mark`, with its glued closers up to `after`, inside a pair that closes later? */
  encloses(text: string, mark: number, after: number): boolean {
    for (let d = 0; d < this.depth; d++) {
      if ((this.opened[d] as number) < mark - MAX_ENCLOSED) continue;
      if (this.closesAt[d] === UNKNOWN) this.lookAhead(text, after, d);
      const close = this.closesAt[d] as number;
      // French spacing, `« C'est fini. » Il part.`: the pair closes right after the mark.
      if (close >= 0 && !onlySpaces(text, after, close)) return true;
    }
    return false;
  }

  /** Replays the pairs from `from` on, within reach of pair `d`, noting where d and the pairs in it close. */
  private lookAhead(text: string, from: number, d: number): void {
    const stack = this.replay;
    let top = 0;
    for (let k = d; k < this.depth; k++) stack[top++] = this.expected[k] as number;
    const limit = Math.min(text.length, (this.opened[d] as number) + MAX_ENCLOSED + 1);
    for (let j = from; j < limit && top > 0; j++) {
      const code = text.charCodeAt(j);
      if (code === Code.LineFeed && codeAt(text, j + 1) === Code.LineFeed) break;
      if (!mayEnclose(code)) continue;
      const depth = closingDepth(stack, top, code);
      if (depth >= 0) {
        for (let k = depth; k < top; k++) {
          if (d + k < this.depth && this.closesAt[d + k] === UNKNOWN) this.closesAt[d + k] = j;
        }
        top = depth;
      } else {
        const closer = closerOf(code);
        if (closer > 0 && top < MAX_DEPTH) stack[top++] = closer;
      }
    }
    if (this.closesAt[d] === UNKNOWN) this.closesAt[d] = NEVER;
  }
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let j = from; j < to; j++) if (!isSpace(text.charCodeAt(j))) return false;
  return true;
}

/** Could `code` open or close a bracket pair? The scanner asks at each character it stops on. */
export function mayEnclose(code: number): boolean {
  if (code < 0x80) return code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d;
  return (code >= 0x3008 && code <= 0x300f) || code === 0xff08 || code === 0xff09;
}

/** Where in the stack `code` closes a pair (the innermost such), or -1. */
function closingDepth(expected: Int32Array, depth: number, code: number): number {
  for (let d = depth - 1; d >= 0; d--) {
    if (expected[d] === code) return d;
  }
  return -1;
}

/** The mark that closes a pair opened by `code`, or 0 when `code` opens none. */
function closerOf(code: number): number {
  switch (code) {
    case 0x28: // ( )
      return 0x29;
    case 0x5b: // [ ]
      return 0x5d;
    case 0xff08: // （ ）
      return 0xff09;
    case 0x300c: // 「 」
      return 0x300d;
    case 0x300e: // 『 』
      return 0x300f;
    case 0x300a: // 《 》
      return 0x300b;
    case 0x3008: // 〈 〉
      return 0x3009;
    default:
      return 0;
  }
}
