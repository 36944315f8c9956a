/**
 * Sentences → unit tf-idf vectors over article-local term ids, numbered by first appearance in the article.
 * The language's TermIds map to local ids through an array rather than a Map keyed by the term; term counts
 * go through one scratch array indexed by local id instead of a Map per sentence; each vector lists its terms
 * in order of first appearance, the order every sum over it is taken in.
 */
import type { LanguageProfile } from "./language";
import { readSentence } from "./terms";

export interface SentenceVector {
  /** Unit tf-idf vector over article-local term ids, as parallel arrays. */
  termIds: Int32Array;
  weights: Float64Array;
  words: number;
}

export interface ArticleVectors {
  sentences: SentenceVector[];
  /** Mean share of sentences each term occurs in (SumBasic's word probability, by sentence). */
  termDensity: Float64Array;
  stopwordCounts: Int32Array;
  /** Every sentence's lowercased words, stopwords included, as hashWord values. */
  tokens: Int32Array[];
  /** Per sentence, the character facts the scan read (see SentenceTerms). */
  numberChars: Int32Array;
  hasQuote: Uint8Array;
  capitalAfterFirst: Uint8Array;
  vocabularySize: number;
}

function grown(array: Int32Array, size: number): Int32Array {
  if (size <= array.length) return array;
  const bigger = new Int32Array(Math.max(size, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/** Scratch kept between articles (larger ones are let go): see graph.ts's KEPT_LENGTH for why. */
const KEPT_LENGTH = 1 << 18;
/** Sentences per term id; all 0 between articles. */
let documentFrequency: Int32Array = new Int32Array(4096);
/** counts[id] for the sentence at hand; reset to 0 for its terms once they are read. */
let counts: Int32Array = new Int32Array(4096);
/** The sentence's distinct term ids in order of first appearance. */
let ids: Int32Array = new Int32Array(256);
/** TermId → local id, where stampOf[TermId] === article (the call's number): nothing to clear between calls. */
let localOf: Int32Array = new Int32Array(4096);
let stampOf: Int32Array = new Int32Array(4096);
let article = 0;

export function vectorize(texts: readonly string[], language: LanguageProfile): ArticleVectors {
  const n = texts.length;
  // TermIds hold from here to the end of the article.
  language.terms.trim();
  if (documentFrequency.length > KEPT_LENGTH) {
    documentFrequency = new Int32Array(4096);
    counts = new Int32Array(4096);
  }
  if (localOf.length > KEPT_LENGTH || article === 0x7fffffff) {
    localOf = new Int32Array(4096);
    stampOf = new Int32Array(4096);
    article = 0;
  }
  article++;
  let vocabularySize = 0;
  const distinct: Int32Array[] = [];
  const termCounts: Int32Array[] = [];
  const words = new Int32Array(n);
  const stopwordCounts = new Int32Array(n);
  const tokens: Int32Array[] = [];
  const numberChars = new Int32Array(n);
  const hasQuote = new Uint8Array(n);
  const capitalAfterFirst = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const read = readSentence(texts[i] as string, language);
    words[i] = read.words;
    stopwordCounts[i] = read.stopwords;
    numberChars[i] = read.numberChars;
    hasQuote[i] = read.hasQuote ? 1 : 0;
    capitalAfterFirst[i] = read.capitalAfterFirst ? 1 : 0;
    tokens.push(read.wordHashes);
    let size = 0;
    const termIds = read.termIds;
    if (localOf.length < language.terms.termCount) {
      localOf = grown(localOf, language.terms.termCount);
      stampOf = grown(stampOf, language.terms.termCount);
    }
    for (let t = 0; t < read.termCount; t++) {
      const termId = termIds[t] as number;
      let id: number;
      if (stampOf[termId] === article) {
        id = localOf[termId] as number;
      } else {
        id = vocabularySize++;
        stampOf[termId] = article;
        localOf[termId] = id;
        documentFrequency = grown(documentFrequency, id + 1);
        counts = grown(counts, id + 1);
      }
      if (counts[id] === 0) {
        ids = grown(ids, size + 1);
        ids[size++] = id;
      }
      counts[id] = (counts[id] as number) + 1;
    }
    const sentenceIds = ids.slice(0, size);
    const sentenceCounts = new Int32Array(size);
    for (let t = 0; t < size; t++) {
      const id = sentenceIds[t] as number;
      sentenceCounts[t] = counts[id] as number;
      counts[id] = 0;
      documentFrequency[id] = (documentFrequency[id] as number) + 1;
    }
    distinct.push(sentenceIds);
    termCounts.push(sentenceCounts);
  }

  const sentences: SentenceVector[] = [];
  const termDensity = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const termIds = distinct[i] as Int32Array;
    const count = termCounts[i] as Int32Array;
    const weights = new Float64Array(termIds.length);
    let norm = 0;
    let density = 0;
    for (let t = 0; t < termIds.length; t++) {
      const df = documentFrequency[termIds[t] as number] as number;
      const weight = (1 + Math.log(count[t] as number)) * Math.log((n + 1) / df);
      weights[t] = weight;
      norm += weight * weight;
      density += df / n;
    }
    norm = Math.sqrt(norm);
    if (norm > 0)
      for (let t = 0; t < weights.length; t++) weights[t] = (weights[t] as number) / norm;
    termDensity[i] = termIds.length > 0 ? density / termIds.length : 0;
    sentences.push({ termIds, weights, words: words[i] as number });
  }
  documentFrequency.fill(0, 0, vocabularySize);
  return {
    sentences,
    termDensity,
    stopwordCounts,
    tokens,
    numberChars,
    hasQuote,
    capitalAfterFirst,
    vocabularySize,
  };
}
