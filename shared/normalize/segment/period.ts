import { isAsciiDigit, isUpper } from "./chars";
import type { LanguageRules } from "./languages";
import {
  hasNoVowel,
  isCapitalized,
  isLowercaseWord,
  looksAbbreviated,
  type NextWord,
  readWordBefore,
  startsSentence,
} from "./words";

/** Letter-only pieces of at most two letters joined by periods: "u.s", "e.g", "a.m", "ph.d", "z.b", "т.е". */
const DOTTED_ACRONYM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const SINGLE_LETTER = /^\p{L}$/u;
const LIST_NUMBER = /^\d{1,3}$/;
/** Ordinals as dotted-ordinal languages write them: "12." "XII." (Roman from two letters: "V." is an initial). */
const ORDINAL = /^(?:\d{1,3}|[IVXLC]{2,6})$/;
const CLOCK = /^[ap]\.m$/i;
const LEADING_LETTERS = /^\p{L}+/u;

function firstLetters(word: string): string {
  return LEADING_LETTERS.exec(word)?.[0].toLowerCase() ?? "";
}

/**
 * After one period followed by whitespace: does a sentence end here? `before` is the word the period ends,
 * `next` the word after the whitespace. Known abbreviations, initials and dotted acronyms end a sentence only
 * before a sentence opener; dotted ordinals ("12. Juni") likewise; a word that looks abbreviated goes on
 * before a lowercase word or a number ("Admón. es", "Rs. 16720"); any other word ends the sentence.
 */
export function periodEndsSentence(
  text: string,
  sentenceStart: number,
  period: number,
  next: NextWord,
  cased: boolean,
  rules: LanguageRules,
): boolean {
  const before = readWordBefore(text, sentenceStart, period);
  if (before.length === 0) return true;
  const lower = before.toLowerCase();
  const word = next.word;
  const digitNext = isAsciiDigit(word.charCodeAt(0));
  if (rules.titles.has(lower)) return false;
  if (digitNext && (rules.beforeNumber.has(lower) || rules.abbreviations.has(lower))) return false;
  const numeric = isAsciiDigit(before.charCodeAt(0));
  if (rules.dottedOrdinals && (numeric || isUpper(before[0] ?? "")) && ORDINAL.test(before)) {
    return !rules.months.has(firstLetters(word)) && startsSentence(word, cased, rules);
  }
  // "1. First point": a list number opening the sentence.
  if (numeric && period - before.length === sentenceStart && LIST_NUMBER.test(before)) return false;
  if (before.length === 3 && CLOCK.test(lower))
    return clockEndsSentence(before, word, cased, rules);
  // Length and "." checked first: a regex call per period costs more than the scan around it.
  if (
    rules.abbreviations.has(lower) ||
    (before.length <= 2 && SINGLE_LETTER.test(before)) ||
    (lower.includes(".") && DOTTED_ACRONYM.test(lower)) ||
    (cased && before.length <= 4 && hasNoVowel(before))
  ) {
    return startsSentence(word, cased, rules);
  }
  if (!cased) return true;
  if (isLowercaseWord(word)) return !looksAbbreviated(before);
  if (digitNext) return !(looksAbbreviated(before) && before.length <= 3);
  return true;
}

/**
 * "At 5 a.m. Mr. Smith went": a clock time in lower case reads as the start of what follows it, so a title
 * after it continues the sentence; "at 6 P.M. Mr. Smith then went": in capitals, any capitalized word opens a
 * new one.
 */
function clockEndsSentence(
  before: string,
  word: string,
  cased: boolean,
  rules: LanguageRules,
): boolean {
  if (cased && before === before.toUpperCase()) return isCapitalized(word);
  return startsSentence(word, cased, rules) && !rules.titles.has(firstLetters(word));
}
