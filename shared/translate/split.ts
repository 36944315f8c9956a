import { prefixEndWithinBytes } from "./bytes";

/** Enough for any one code point (4 bytes of UTF-8), so every cut makes progress. */
export const MIN_PIECE_BYTES = 4;

const WHITESPACE = /\s/;
const GRAPHEME_LOOKAHEAD = 32;
/** Built on first use: only texts with no whitespace in reach need it, and module init is every cold start. */
let graphemes: Intl.Segmenter | undefined;

/**
 * Cuts a text longer than maxBytes (UTF-8) into pieces that each fit, never dropping a character: the pieces
 * concatenate back to the text. Cuts go after the last whitespace that fits, so words stay whole; a text with
 * no whitespace in reach (Chinese, Japanese, Thai, a URL) is cut at the last grapheme boundary that fits, and
 * only when a single grapheme is itself too big, at a code-point boundary (never inside a surrogate pair).
 */
export function splitAtByteLimit(text: string, maxBytes: number): string[] {
  if (!(maxBytes >= MIN_PIECE_BYTES)) {
    throw new RangeError(`maxBytes must be at least ${MIN_PIECE_BYTES}, got ${maxBytes}`);
  }
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    const limit = prefixEndWithinBytes(text, start, maxBytes);
    if (limit >= text.length) {
      pieces.push(text.slice(start));
      break;
    }
    const end = afterLastWhitespace(text, start, limit) ?? lastGraphemeBoundary(text, start, limit);
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

function afterLastWhitespace(text: string, start: number, limit: number): number | undefined {
  for (let end = limit; end > start; end--) {
    if (WHITESPACE.test(text[end - 1] ?? "")) return end;
  }
  return undefined;
}

function lastGraphemeBoundary(text: string, start: number, limit: number): number {
  // Segment a little past the limit so that the limit only counts as a boundary if it really is one.
  const window = text.slice(start, Math.min(text.length, limit + GRAPHEME_LOOKAHEAD));
  let best = 0;
  graphemes ??= new Intl.Segmenter("und", { granularity: "grapheme" });
  for (const { index } of graphemes.segment(window)) {
    if (index > limit - start) break;
    best = index;
  }
  return best > 0 ? start + best : limit;
}
