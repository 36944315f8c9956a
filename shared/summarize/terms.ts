/**
 * Sentence → content terms: lowercased words without stopwords, stemmed; scripts written without spaces
 * (Han, kana, Thai, Lao, Khmer, Myanmar) become overlapping character bigrams, which is how CJK retrieval
 * matches text without a word segmenter. The same scan of the sentence also reads the character facts the
 * features need (number characters, quotation marks, a capital after the first letter), so that the
 * sentence's characters are read once rather than once per fact.
 */

import { UPPERCASE } from "../text/case";
import { WORD_CHAR } from "../text/word";
import type { LanguageProfile } from "./language";
import { sentenceMarks } from "./marks";
import { hasUppercaseAfterFirst } from "./run-ons";
import { int32AtLeast } from "./scratch";
import { FNV_OFFSET, FNV_PRIME, hashWord, STOPWORD } from "./term-table";

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Overlapping character bigrams of a run of an unspaced script (the run itself when one character long). */
function bigramsOf(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

export interface SentenceRead {
  /**
   * The content terms (stems or bigrams) as TermIds of the language's table, in order, repeats kept:
   * termIds[0 ..< termCount]. Scratch: the next read overwrites it.
   */
  termIds: Int32Array;
  termCount: number;
  /**
   * hashWord of every lowercased word of the sentence, stopwords included, in order (one per unspaced run):
   * what the repeated-trigram feature reads. wordHashes[0 ..< hashCount]; scratch, like termIds.
   */
  wordHashes: Int32Array;
  hashCount: number;
  /** Word count as a reader sees it (bigram runs count per character pair). */
  words: number;
  stopwords: number;
  /** sentenceMarks of the sentence as written. */
  numberChars: number;
  hasQuote: boolean;
  /** hasUppercaseAfterFirst of the sentence as written. */
  capitalAfterFirst: boolean;
}

export interface SentenceTerms
  extends Omit<SentenceRead, "termIds" | "termCount" | "wordHashes" | "hashCount"> {
  /** Content terms (stems or bigrams), in order, repeats kept. */
  terms: string[];
  /** SentenceRead's wordHashes, exactly as many. */
  wordHashes: Int32Array;
}

/** What a UTF-16 code unit is to the scan, as bits; 0 until the unit is first met. */
const KNOWN = 1;
/** In WORD: \p{L}, \p{M} or \p{N}. */
const WORD_UNIT = 2;
const NUMBER_UNIT = 4;
const SPACE_UNIT = 8;
const UPPERCASE_UNIT = 16;
/** toLowerCase changes it (A-Z are lowered in the scan; any other such unit sends the scan to the lowercased text). */
const FOLDS = 32;
/** An unspaced script or a surrogate: the sentence takes the general path. */
const GENERAL_PATH = 64;
/** Units a word's scan must look at beyond hashing them. */
const NOTABLE = NUMBER_UNIT | UPPERCASE_UNIT | FOLDS | GENERAL_PATH;

const NUMBER_CHAR = /^\p{N}$/u;
const SPACE_CHAR = /^\s$/u;
const unitBits = new Uint8Array(0x10000).fill(KNOWN | GENERAL_PATH, 0xd800, 0xe000);

function bitsOf(unit: number): number {
  let bits = unitBits[unit] as number;
  if (bits === 0) {
    // Every test runs for every unit: a branch first taken by some later article's unit (the first CJK
    // character, say) would meet V8's optimized scan without type feedback and throw it away.
    const char = String.fromCharCode(unit);
    bits =
      KNOWN |
      (UNSPACED_SCRIPT.test(char) ? GENERAL_PATH : 0) |
      (WORD_CHAR.test(char) ? WORD_UNIT : 0) |
      (NUMBER_CHAR.test(char) ? NUMBER_UNIT : 0) |
      (SPACE_CHAR.test(char) ? SPACE_UNIT : 0) |
      (UPPERCASE.test(char) ? UPPERCASE_UNIT : 0) |
      (char.toLowerCase() !== char ? FOLDS : 0);
    unitBits[unit] = bits;
  }
  return bits;
}

/** The quotation marks sentenceMarks counts anywhere, and the single ones it counts after a space. */
function isQuoteMark(code: number): boolean {
  return (
    code === 0x22 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0xab ||
    code === 0xbb ||
    code === 0x201e
  );
}

let hashScratch: Int32Array = new Int32Array(16);
let termScratch: Int32Array = new Int32Array(16);

/** The sentence's terms as strings (readSentence is the vectorizer's way in). */
export function sentenceTerms(text: string, language: LanguageProfile): SentenceTerms {
  const { termIds, termCount, wordHashes, hashCount, ...rest } = readSentence(text, language);
  const terms: string[] = [];
  for (let t = 0; t < termCount; t++)
    terms.push(language.terms.termOf(termIds[t] as number) as string);
  return { terms, wordHashes: wordHashes.slice(0, hashCount), ...rest };
}

export function readSentence(text: string, language: LanguageProfile): SentenceRead {
  // A sentence has no more terms than code units: the scratch arrays need no check while it is read.
  hashScratch = int32AtLeast(hashScratch, text.length);
  termScratch = int32AtLeast(termScratch, text.length);
  const read = scanTerms(text, language, true);
  if (read !== undefined) return read;
  // A capital beyond A-Z (É, Ω), an unspaced script or a surrogate: the lowercased text is read, and the
  // character facts from the text as written.
  const lower = text.toLowerCase();
  hashScratch = int32AtLeast(hashScratch, lower.length);
  termScratch = int32AtLeast(termScratch, lower.length);
  const terms = scanTerms(lower, language, false) ?? generalTerms(lower, language);
  const marks = sentenceMarks(text);
  terms.numberChars = marks.numberChars;
  terms.hasQuote = marks.hasQuote;
  terms.capitalAfterFirst = hasUppercaseAfterFirst(text);
  return terms;
}

/**
 * One scan of the sentence's code units: words are the runs WORD matches (with no surrogate about, a code unit
 * is a code point), lowered (A-Z only) and hashed as they are read, and looked up in place. Undefined for a
 * sentence with an unspaced script or a surrogate, or with a unit other than A-Z that lowercasing changes
 * (unless `asWritten` is false: the text is lowercased already).
 */
function scanTerms(
  text: string,
  language: LanguageProfile,
  asWritten: boolean,
): SentenceRead | undefined {
  const table = language.terms;
  const termIds = termScratch;
  let termCount = 0;
  const length = text.length;
  const hashes = hashScratch;
  let words = 0;
  let stopwords = 0;
  let numberChars = 0;
  let hasQuote = false;
  let capitalAfterFirst = false;
  // As sentenceMarks reads quotes: a single quote opens one at the start of the text or after a space.
  let afterSpace = true;
  let i = 0;
  while (i < length) {
    let unit = text.charCodeAt(i);
    let bits = bitsOf(unit);
    if ((bits & WORD_UNIT) === 0) {
      // Lowercasing may change a symbol (Ⓐ): the lowercased text's scan then reads it, as before this scan.
      if ((bits & (GENERAL_PATH | FOLDS)) !== 0) return undefined;
      if (isQuoteMark(unit) || (afterSpace && (unit === 0x2018 || unit === 0x27))) hasQuote = true;
      afterSpace = (bits & SPACE_UNIT) !== 0;
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    while (true) {
      if ((bits & NOTABLE) !== 0) {
        if ((bits & GENERAL_PATH) !== 0) return undefined;
        if ((bits & NUMBER_UNIT) !== 0) numberChars++;
        if ((bits & UPPERCASE_UNIT) !== 0 && i > 0) capitalAfterFirst = true;
        if ((bits & FOLDS) !== 0) {
          if (unit >= 0x80 || !asWritten) return undefined;
          unit |= 0x20;
        }
      }
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      i++;
      if (i === length) break;
      unit = text.charCodeAt(i);
      bits = bitsOf(unit);
      if ((bits & WORD_UNIT) === 0) break;
    }
    afterSpace = false;
    hashes[words++] = hash;
    const id = table.lookup(text, start, i, hash);
    if (id >= 0) termIds[termCount++] = id;
    else if (id === STOPWORD) stopwords++;
  }
  return {
    termIds,
    termCount,
    wordHashes: hashes,
    hashCount: words,
    words,
    stopwords,
    numberChars,
    hasQuote,
    capitalAfterFirst,
  };
}

function generalTerms(lower: string, language: LanguageProfile): SentenceRead {
  const table = language.terms;
  const tokens = lower.match(WORD) ?? [];
  const termIds = termScratch;
  let termCount = 0;
  const hashes = hashScratch;
  for (let t = 0; t < tokens.length; t++) hashes[t] = hashWord(tokens[t] as string);
  // One scan of the sentence instead of one per word: most sentences have no unspaced script at all.
  const unspaced = UNSPACED_SCRIPT.test(lower);
  let words = 0;
  let stopwords = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as string;
    if (unspaced && UNSPACED_SCRIPT.test(token)) {
      for (const bigram of bigramsOf(token)) {
        termIds[termCount++] = table.numberOf(bigram);
        words++;
      }
      continue;
    }
    words++;
    const id = table.lookup(token, 0, token.length, hashes[t] as number);
    if (id >= 0) termIds[termCount++] = id;
    else if (id === STOPWORD) stopwords++;
  }
  return {
    termIds,
    termCount,
    wordHashes: hashes,
    hashCount: tokens.length,
    words,
    stopwords,
    numberChars: 0,
    hasQuote: false,
    capitalAfterFirst: false,
  };
}
