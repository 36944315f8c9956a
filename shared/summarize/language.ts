/**
 * What the summarizer knows about a language: its stopwords (stopwords-iso) and its Snowball stemmer.
 * Unknown languages fall back to no stopword list and no stemming; within-article term weighting (terms in most
 * sentences weigh little) then plays the stopword list's part.
 */
import snowball from "snowball-stemmers";
import { stopwordsOf } from "./stopwords";

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

/** Memoized stems: Snowball runs at ~4 µs a word, too slow for ~1,000 articles a second without it. */
const STEM_CACHE_LIMIT = 100_000;

export interface LanguageProfile {
  code: string;
  stopwords: ReadonlySet<string>;
  stem: (word: string) => string;
}

const profiles = new Map<string, LanguageProfile>();

function baseCode(code: string): string {
  return code.toLowerCase().split(/[-_]/)[0] ?? "";
}

function makeStemmer(code: string): (word: string) => string {
  const algorithm = SNOWBALL_BY_ISO[code];
  if (algorithm === undefined) return (word) => word;
  const stemmer = snowball.newStemmer(algorithm);
  const cache = new Map<string, string>();
  return (word) => {
    let stem = cache.get(word);
    if (stem === undefined) {
      stem = stemmer.stem(word);
      if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
      cache.set(word, stem);
    }
    return stem;
  };
}

export function languageProfile(code: string): LanguageProfile {
  const key = baseCode(code);
  let profile = profiles.get(key);
  if (profile === undefined) {
    profile = { code: key, stopwords: new Set(stopwordsOf(key)), stem: makeStemmer(key) };
    profiles.set(key, profile);
  }
  return profile;
}
