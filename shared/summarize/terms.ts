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
  /** Word count as a reader sees it (bigram runs count per character pair). */
  words: number;
  stopwords: number;
}

export function sentenceTerms(text: string, language: LanguageProfile): SentenceTerms {
  const terms: string[] = [];
  let words = 0;
  let stopwords = 0;
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const token = match[0];
    if (UNSPACED_SCRIPT.test(token)) {
      const before = terms.length;
      pushBigrams(token, terms);
      words += terms.length - before;
      continue;
    }
    words++;
    if (language.stopwords.has(token)) {
      stopwords++;
      continue;
    }
    // Single letters are elided articles and initials ("l'", "j.").
    if (token.length < 2) continue;
    terms.push(language.stem(token));
  }
  return { terms, words, stopwords };
}
