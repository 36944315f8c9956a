/**
 * Letter case by UTF-16 code unit, for the normalizer (does a text use capitals at all: a lowercased text
 * cannot use them as evidence of a sentence start) and the summarizer (a capital after a sentence's first
 * letter: where a lost line break may hide). One answer to "is there a \p{Lu} here", read from one table.
 */

import { codeUnitTest } from "./unit-test";

/** \p{Lu}: for callers that keep their own table of units, as isUppercaseUnit does. */
export const UPPERCASE = /\p{Lu}/u;
/** Whether one BMP code unit is \p{Lu}. */
export const isUppercaseUnit = codeUnitTest(UPPERCASE);
/** Global, for test() from lastIndex: an ASCII capital, then the next non-ASCII unit, found natively. */
const ASCII_UPPERCASE = /[A-Z]/g;
const NON_ASCII = /[^\0-\x7f]/g;

/**
 * Whether `text` from code unit `from` on has an uppercase letter (\p{Lu}): what `/\p{Lu}/u.test(text.slice(from))`
 * answers, at a fraction of its time on lowercased text, which the regex's long range list reads slowly character
 * by character. Native searches do the bulk (an ASCII capital anywhere; else the next non-ASCII unit), and only
 * the non-ASCII units are looked up one by one: a JavaScript loop over every character costs more, and longer
 * still before it is optimized, which is most of a cold run.
 */
export function hasUppercase(text: string, from = 0): boolean {
  ASCII_UPPERCASE.lastIndex = from;
  if (ASCII_UPPERCASE.test(text)) return true;
  const n = text.length;
  const nonAscii = NON_ASCII;
  nonAscii.lastIndex = from;
  while (nonAscii.test(text)) {
    let i = nonAscii.lastIndex - 1;
    // Read on through the non-ASCII run, single ASCII units included (the spaces and commas of a caseless
    // script): a search per word would cost more than it saves.
    for (; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        if (i + 1 >= n || text.charCodeAt(i + 1) < 0x80) break;
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          // A surrogate pair is one code point to the regex (capitals outside the BMP exist: Deseret).
          if (UPPERCASE.test(text.slice(i, i + 2))) return true;
          i++;
          continue;
        }
      }
      if (isUppercaseUnit(code)) return true;
    }
    if (i >= n) return false;
    nonAscii.lastIndex = i;
  }
  return false;
}
