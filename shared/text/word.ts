/**
 * Word characters by UTF-16 code unit: \p{L}, \p{M} or \p{N}, the class the summarizer's terms and the
 * article's word count both read words as. One answer, read from one table filled in as units are met.
 * By code unit: each half of a surrogate pair is no word character, whatever the pair is.
 */

/** One character (one code unit) that is a word character: for callers that keep their own table of units. */
export const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** 0 unknown, 1 a word character, 2 not. */
const wordUnit = new Uint8Array(0x10000);

/** Whether one BMP code unit is \p{L}, \p{M} or \p{N}. */
export function isWordUnit(code: number): boolean {
  let kind = wordUnit[code] as number;
  if (kind === 0) {
    kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordUnit[code] = kind;
  }
  return kind === 1;
}
