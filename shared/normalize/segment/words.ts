import { isLower, isOpener, isSpace, isUpper } from "./chars";
import type { LanguageRules } from "./languages";

// How far the scanner looks back (the word before a period) and ahead (the next word). Bounded lookups keep
// the scan linear in the input size whatever the input.
export const MAX_TOKEN = 40;

export interface NextWord {
  /** The word after the whitespace, openers skipped, at most MAX_TOKEN characters. */
  word: string;
  /** The whitespace between holds a blank line: always a boundary. */
  blankLine: boolean;
}

export function readNextWord(text: string, from: number): NextWord {
  let i = from;
  let newlines = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) {
    if (text.charCodeAt(i) === 0x0a) newlines++;
    i++;
  }
  while (i < text.length && isOpener(text.charCodeAt(i))) i++;
  const limit = Math.min(text.length, i + MAX_TOKEN);
  let end = i;
  while (end < limit && !isSpace(text.charCodeAt(end))) end++;
  return { word: text.slice(i, end), blankLine: newlines >= 2 };
}

/**
 * The word just before a period, without its opening quotes or brackets ("(ISIS" → "ISIS") and without
 * invisible format marks (Arabic text wraps periods in U+202A…U+202C).
 */
export function readWordBefore(text: string, sentenceStart: number, period: number): string {
  const limit = Math.max(sentenceStart, period - MAX_TOKEN);
  let i = period;
  while (i > limit && !isSpace(text.charCodeAt(i - 1))) i--;
  while (i < period && isOpener(text.charCodeAt(i))) i++;
  const word = text.slice(i, period);
  return isFormatMark(text.charCodeAt(period - 1)) ? word.replace(FORMAT_MARKS, "") : word;
}

/** Bidirectional and zero-width marks: U+200B…U+200F, U+202A…U+202E, U+2066…U+2069. */
function isFormatMark(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const FORMAT_MARKS = /\p{Cf}/gu;
const LEADING_LETTERS = /^\p{L}+/u;
const VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœůаеёиоуыэюяіїєөүұәαεηιουωάέήίόύώ]/iu;
const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Does `word` open a sentence? In cased text its first letter must be a capital ("St. in London" goes on);
 * in lowercased text or a script without case, the starter list alone decides.
 */
export function startsSentence(word: string, cased: boolean, rules: LanguageRules): boolean {
  const letters = LEADING_LETTERS.exec(word);
  if (letters === null) return false;
  const first = word[0] ?? "";
  if (cased && isLower(first)) return false;
  const lower = letters[0].toLowerCase();
  return (
    rules.starters.has(lower) || (cased && isUpper(first) && rules.capitalizedStarters.has(lower))
  );
}

/** A capitalized word in cased text ("Naser", "Juni"); false for a script without case. */
export function isCapitalized(word: string): boolean {
  return isUpper(word[0] ?? "");
}

export function isLowercaseWord(word: string): boolean {
  return isLower(word[0] ?? "");
}

/**
 * A word that reads like an abbreviation nobody listed: letters only, and either short ("Lic", "Rs", "bałt",
 * "Admón") or without a vowel ("vnw", "Кв", "bzw"). All-capital words are acronyms ("BBC"), not this.
 */
export function looksAbbreviated(word: string): boolean {
  if (!LETTERS_ONLY.test(word) || (word.length > 1 && word === word.toUpperCase())) return false;
  return word.length <= 5 || !VOWEL.test(word);
}

/**
 * A short word without a vowel, capitalized or lower case: "Skt", "Nr", "Кв", "bzw" are abbreviations,
 * whatever follows them. Plural acronyms ("PCs", "MPs") have two capitals and are words.
 */
export function hasNoVowel(word: string): boolean {
  return word.length <= 4 && ONE_CAPITAL_AT_MOST.test(word) && !VOWEL.test(word);
}

const ONE_CAPITAL_AT_MOST = /^\p{Lu}?\p{Ll}+$/u;
