/**
 * Sentence → content terms: lowercased words without stopwords, stemmed; scripts written without spaces
 * (Han, kana, Thai, Lao, Khmer, Myanmar) become overlapping character bigrams, which is how CJK retrieval
 * matches text without a word segmenter.
 */
import type { LanguageProfile } from "./language";
import { FNV_OFFSET, FNV_PRIME, hashWord } from "./term-table";

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function pushBigrams(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
}

export interface SentenceTerms {
  /** Content terms (stems or bigrams), in order, repeats kept. */
  terms: string[];
  /**
   * hashWord of every lowercased word of the sentence, stopwords included, in order (one per unspaced run):
   * what the repeated-trigram feature reads.
   */
  wordHashes: Int32Array;
  /** Word count as a reader sees it (bigram runs count per character pair). */
  words: number;
  stopwords: number;
}

/** What a UTF-16 code unit is to the tokenizer. */
const WORD_UNIT = 1;
const OTHER_UNIT = 2;
/** An unspaced script or a surrogate: the sentence takes the general path. */
const GENERAL_PATH = 3;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Filled in as code units are met: 0 until then. */
const unitClass = new Uint8Array(0x10000).fill(GENERAL_PATH, 0xd800, 0xe000);

function classOf(unit: number): number {
  let kind = unitClass[unit] as number;
  if (kind === 0) {
    const char = String.fromCharCode(unit);
    kind = UNSPACED_SCRIPT.test(char)
      ? GENERAL_PATH
      : WORD_CHAR.test(char)
        ? WORD_UNIT
        : OTHER_UNIT;
    unitClass[unit] = kind;
  }
  return kind;
}

let hashScratch = new Int32Array(256);

export function sentenceTerms(text: string, language: LanguageProfile): SentenceTerms {
  const lower = text.toLowerCase();
  return scanTerms(lower, language) ?? generalTerms(lower, language);
}

/**
 * One scan of the sentence's code units: words are the runs WORD matches (with no surrogate about, a code unit
 * is a code point), hashed as they are read and looked up in place. Undefined for a sentence with an unspaced
 * script or a surrogate pair.
 */
function scanTerms(lower: string, language: LanguageProfile): SentenceTerms | undefined {
  const table = language.terms;
  const terms: string[] = [];
  const length = lower.length;
  if (hashScratch.length < length) hashScratch = new Int32Array(2 * length);
  const hashes = hashScratch;
  let words = 0;
  let stopwords = 0;
  let i = 0;
  while (i < length) {
    let kind = classOf(lower.charCodeAt(i));
    if (kind !== WORD_UNIT) {
      if (kind === GENERAL_PATH) return undefined;
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    do {
      hash = Math.imul(hash ^ lower.charCodeAt(i), FNV_PRIME);
      i++;
      kind = i < length ? classOf(lower.charCodeAt(i)) : OTHER_UNIT;
    } while (kind === WORD_UNIT);
    if (kind === GENERAL_PATH) return undefined;
    hashes[words++] = hash;
    const term = table.lookup(lower, start, i, hash);
    if (term === null) stopwords++;
    else if (term !== undefined) terms.push(term);
  }
  return { terms, wordHashes: hashes.slice(0, words), words, stopwords };
}

function generalTerms(lower: string, language: LanguageProfile): SentenceTerms {
  const tokens = lower.match(WORD) ?? [];
  const terms: string[] = [];
  // One scan of the sentence instead of one per word: most sentences have no unspaced script at all.
  const unspaced = UNSPACED_SCRIPT.test(lower);
  let words = 0;
  let stopwords = 0;
  for (const token of tokens) {
    if (unspaced && UNSPACED_SCRIPT.test(token)) {
      const before = terms.length;
      pushBigrams(token, terms);
      words += terms.length - before;
      continue;
    }
    words++;
    const term = language.term(token);
    if (term === null) stopwords++;
    else if (term !== undefined) terms.push(term);
  }
  return { terms, wordHashes: Int32Array.from(tokens, hashWord), words, stopwords };
}
