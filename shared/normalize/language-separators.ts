/**
 * eld's word separation (textProcessor's `text.replace(separators, " ")`) by a table of eld's letters read from
 * eld's own pattern, so eld stays the definition of a letter (tests/unit/normalize/language-scores.test.ts checks
 * the table on every UTF-16 unit). Its own module: it is text handling, apart from the scoring, with its own
 * table.
 */
import { separators } from "./language-eld.mjs";

/** 1 for each UTF-16 unit of eld's letters; built on first use, not at import (a Lambda's cold start). */
let letters: Uint8Array | false | undefined;

/**
 * `text.replace(separators, " ")`: every run of non-letters becomes a space, less the apostrophes that end it
 * (eld's lookbehind, which keeps "don't" a word). By a table of eld's letters, at a tenth of the regular
 * expression's cost; by the expression itself if eld's pattern is not of the shape the table is read from.
 */
export function separate(text: string): string {
  letters ??= lettersOf(separators);
  if (letters === false) return text.replace(separators, " ");
  const isLetter = letters;
  const length = text.length;
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < length) {
    if (isLetter[text.charCodeAt(i)] === 1) {
      i++;
      continue;
    }
    const start = i;
    do i++;
    while (i < length && isLetter[text.charCodeAt(i)] !== 1);
    let end = i;
    while (end > start && isApostrophe(text.charCodeAt(end - 1))) end--;
    if (end > start) {
      out += `${text.slice(copied, start)} `;
      copied = end;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x60 || code === 0x2019;
}

/** The letters of `[^letters]+(?<![\x27\x60\u2019])` (flags gu; letters all BMP), false if not that shape. */
export function lettersOf(pattern: RegExp): Uint8Array | false {
  const source = pattern.source;
  const tail = "]+(?<![\\x27\\x60\\u2019])";
  if (pattern.flags !== "gu" || !source.startsWith("[^") || !source.endsWith(tail)) return false;
  const set = source.slice(2, -tail.length);
  if (/[\\[\]\uD800-\uDFFF]/.test(set)) return false;
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < set.length; i++) {
    const first = set.charCodeAt(i);
    if (set[i + 1] === "-" && i + 2 < set.length) {
      table.fill(1, first, set.charCodeAt(i + 2) + 1);
      i += 2;
    } else {
      table[first] = 1;
    }
  }
  return table;
}
