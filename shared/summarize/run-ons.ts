/**
 * Sentence boundaries lost in storage: a text that joined its lines with spaces (photo captions without a final
 * period, then the next paragraph) reaches the segmenter as one run-on sentence: "… in the middle of a match A
 * chess grandmaster has been …", "… in charge of the club He has impressed …". Such a sentence is long and
 * repeats its neighbours, so it looks central, yet it makes a poor summary sentence.
 *
 * A lost boundary shows as a capitalized word that this article otherwise writes in lowercase ("A", "He",
 * "When": not a name), right after a lowercase word or a number with only a space between them (or after a
 * closing bracket: "(pictured) The"), and not followed by another capitalized word ("told The Times", "League
 * One Preston" are titles and names). Only casing tells, so a lowercased text gives 0 everywhere, as does a
 * script without case.
 */

import { hasUppercase } from "../text/case";

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const STARTS_LOWERCASE_OR_DIGIT = /^[\p{Ll}\p{N}]/u;
const CAPITALIZED = /^\p{Lu}(?:\p{Ll}|$)/u;
const STARTS_UPPERCASE = /^\p{Lu}/u;
/** Between the two words: spaces, optionally an opening quote; or a closing bracket and spaces. */
const SPACE_JOIN = /^\s+['‘"“]?$/u;
const BRACKET_JOIN = /^\)\s+$/u;

/** Whether the text has a capital after its first code unit: /\p{Lu}/u on text.slice(1), without the slice. */
export function hasUppercaseAfterFirst(text: string): boolean {
  return hasUppercase(text, 1);
}

/**
 * Per sentence, how many lost boundaries it seems to hold.
 * @param capitalAfterFirst hasUppercaseAfterFirst of each text (1 or 0), when a scan has read it already
 */
export function runOnBoundaries(
  texts: readonly string[],
  capitalAfterFirst: ArrayLike<number> = texts.map((text) =>
    hasUppercaseAfterFirst(text) ? 1 : 0,
  ),
): Float64Array {
  // Only a sentence with a capital after its first letter can hold a boundary: without one (a lowercased
  // text) there is nothing to count the words for.
  let anyCapital = false;
  for (let i = 0; i < texts.length && !anyCapital; i++) anyCapital = capitalAfterFirst[i] === 1;
  if (!anyCapital) return new Float64Array(texts.length);
  const lowercase = new Map<string, number>();
  const capitalizedInside = new Map<string, number>();
  const candidates: { sentence: number; word: string }[] = [];
  texts.forEach((text, sentence) => {
    // No capital after the first letter (a lowercased text, a script without case): nothing to find.
    if (capitalAfterFirst[sentence] !== 1) {
      for (const [word] of text.matchAll(WORD)) {
        const lower = word.toLowerCase();
        if (word === lower) lowercase.set(lower, (lowercase.get(lower) ?? 0) + 1);
      }
      return;
    }
    let previousWord = "";
    let previousEnd = -1;
    // A joined capitalized word waits for the next word: a capitalized one makes it part of a name or title.
    let pending: string | undefined;
    for (const match of text.matchAll(WORD)) {
      const word = match[0];
      const start = match.index;
      if (pending !== undefined && !STARTS_UPPERCASE.test(word))
        candidates.push({ sentence, word: pending });
      pending = undefined;
      const lower = word.toLowerCase();
      if (word === lower) {
        lowercase.set(lower, (lowercase.get(lower) ?? 0) + 1);
      } else if (previousEnd >= 0 && CAPITALIZED.test(word)) {
        capitalizedInside.set(lower, (capitalizedInside.get(lower) ?? 0) + 1);
        const gap = text.slice(previousEnd, start);
        if (
          (SPACE_JOIN.test(gap) && STARTS_LOWERCASE_OR_DIGIT.test(previousWord)) ||
          BRACKET_JOIN.test(gap)
        ) {
          pending = lower;
        }
      }
      previousWord = word;
      previousEnd = start + word.length;
    }
    if (pending !== undefined) candidates.push({ sentence, word: pending });
  });
  const counts = new Float64Array(texts.length);
  for (const { sentence, word } of candidates) {
    if ((lowercase.get(word) ?? 0) > (capitalizedInside.get(word) ?? 0)) {
      counts[sentence] = (counts[sentence] as number) + 1;
    }
  }
  return counts;
}
