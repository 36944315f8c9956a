/**
 * The article's word count (stats.words). Its own module, and called once on the assembled text rather than
 * per block inside assemble: counted inside assemble, the count's loop was compiled into assemble as well as on
 * its own, and the optimizing compiler's time is most of a first pass. The blocks are joined by a blank line,
 * which no word crosses, so the count is the same.
 */

import { isWordUnit } from "../text/word";
import { warmUpOnFirstUse } from "../v8/warm-up";

/** Kinds of code unit to countWords; WORD is the one odd value, so `kind & 1` says "word character". */
const WORD = 1;
const OTHER = 2;
const JOINER = 4;
/**
 * What each UTF-16 code unit is to countWords (0 = not looked up yet): a table read instead of a regex test on
 * a one-character string for every non-ASCII character. By code unit, not code point, so the count reads one
 * unit at a time without decoding pairs: each half of a surrogate pair is OTHER, whatever the pair is, so a
 * letter beyond the Basic Multilingual Plane (historic scripts, mathematical letters), rare in articles, is no
 * word character.
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
  const kind = isWordUnit(code) ? WORD : OTHER;
  unitKind[code] = kind;
  return kind;
}

/**
 * Words: runs of letters, digits and marks, joined by an apostrophe, period or hyphen between two of them.
 * Counted with arithmetic rather than a branch per character: letters and spaces alternate every few
 * characters, which a branch mispredicts.
 */
export function countWords(text: string): number {
  warmUp();
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

/**
 * Non-ASCII look-ups made before the first article, while the count is still interpreted: a look-up first made
 * once the count is optimized throws that code away (shared/v8/warm-up.ts). A dozen distinct non-ASCII
 * characters make more than CALLS_BEFORE_FEEDBACK calls of kindOf down that path.
 */
const warmUp = warmUpOnFirstUse(() => {
  countWords("Counted first: café, naïve, Ørsted – «déjà vu», señor, Zürich, Łódź, São, Straße");
});
