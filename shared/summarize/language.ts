/**
 * What the summarizer knows about a language: its stopwords (stopwords-iso) and its Snowball stemmer.
 * Unknown languages fall back to no stopword list and no stemming; within-article term weighting (terms in most
 * sentences weigh little) then plays the stopword list's part.
 */

import { stem as porter2 } from "porter2";
import snowball from "snowball-stemmers";
import { primaryLanguage as baseCode } from "../contract/language";
import { warmUpStemmer } from "./stem-warm-up";
import { stopwordsOf } from "./stopwords";
import { TermTable } from "./term-table";

/** ISO 639-1 → Snowball algorithm name. */
const SNOWBALL_BY_ISO: Readonly<Record<string, string>> = {
  ar: "arabic",
  hy: "armenian",
  eu: "basque",
  ca: "catalan",
  cs: "czech",
  da: "danish",
  nl: "dutch",
  en: "english",
  fi: "finnish",
  fr: "french",
  de: "german",
  hu: "hungarian",
  it: "italian",
  ga: "irish",
  no: "norwegian",
  nb: "norwegian",
  nn: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  ru: "russian",
  es: "spanish",
  sl: "slovene",
  sv: "swedish",
  ta: "tamil",
  tr: "turkish",
};

/** Memoized: Snowball runs at ~4 µs a word, too slow for ~1,000 articles a second without it. */
const TERM_CACHE_LIMIT = 100_000;
/**
 * The memo's slots at the start: room for the vocabulary of a thousand or so news articles (half the slots)
 * before it first grows. A smaller start grows it several times over the first articles.
 */
const TERM_CACHE_SLOTS = 1 << 16;

export interface LanguageProfile {
  code: string;
  stopwords: ReadonlySet<string>;
  stem: (word: string) => string;
  /**
   * What a lowercased word contributes: its stem; null for a stopword; undefined for a single letter (elided
   * articles and initials: "l'", "j."), which is neither. One cached lookup per word, stopword test included.
   */
  term: (word: string) => string | null | undefined;
  /** The same lookups by a word's place in a text (the tokenizer's way in). */
  terms: TermTable;
}

const profiles = new Map<string, LanguageProfile>();

function makeStemmer(code: string): (word: string) => string {
  // English, most of the news read, through porter2: Snowball's own English algorithm (Porter2), the same stem
  // for every word (tests/unit/summarize/stemmer.test.ts) at two to three times the speed of the generic port.
  if (code === "en") {
    warmUpStemmer(porter2);
    return porter2;
  }
  const algorithm = SNOWBALL_BY_ISO[code];
  if (algorithm === undefined) return (word) => word;
  const stemmer = snowball.newStemmer(algorithm);
  return (word) => stemmer.stem(word);
}

function makeTerms(stopwords: ReadonlySet<string>, stem: (word: string) => string): TermTable {
  return new TermTable(
    (word) => {
      if (stopwords.has(word)) return null;
      return word.length >= 2 ? stem(word) : undefined;
    },
    TERM_CACHE_LIMIT,
    TERM_CACHE_SLOTS,
  );
}

export function languageProfile(code: string): LanguageProfile {
  const key = baseCode(code);
  let profile = profiles.get(key);
  if (profile === undefined) {
    const stopwords = new Set(stopwordsOf(key));
    const stem = makeStemmer(key);
    const terms = makeTerms(stopwords, stem);
    profile = { code: key, stopwords, stem, terms, term: (word) => terms.get(word) };
    profiles.set(key, profile);
  }
  return profile;
}
