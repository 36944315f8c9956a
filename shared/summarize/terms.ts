/**
 * Sentence → content terms: lowercased words without stopwords, stemmed; scripts written without spaces
 * (Han, kana, Thai, Lao, Khmer, Myanmar) become overlapping character bigrams, which is how CJK retrieval
 * matches text without a word segmenter.
 */
import type { LanguageProfile } from "./language";

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
  /** Every lowercased word of the sentence, stopwords included, in order (one string per unspaced run). */
  tokens: string[];
  /** Word count as a reader sees it (bigram runs count per character pair). */
  words: number;
  stopwords: number;
}

export function sentenceTerms(text: string, language: LanguageProfile): SentenceTerms {
  const lower = text.toLowerCase();
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
  return { terms, tokens, words, stopwords };
}
