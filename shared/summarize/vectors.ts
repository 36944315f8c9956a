/**
 * Sentences → unit tf-idf vectors over article-local term ids, numbered by first appearance in the article.
 * The language's TermIds map to local ids through an array rather than a Map keyed by the term; term counts
 * go through one scratch array indexed by local id instead of a Map per sentence; each vector lists its terms
 * in order of first appearance, the order every sum over it is taken in.
 */
import type { LanguageProfile } from "./language";
import { float64AtLeast, int32AtLeast, KEPT_LENGTH } from "./scratch";
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

/** Sentences per term id; all 0 between articles. */
let documentFrequency: Int32Array = new Int32Array(16);
/** counts[id] for the sentence at hand; reset to 0 for its terms once they are read. */
let counts: Int32Array = new Int32Array(16);
/** TermId → local id, where stampOf[TermId] === article (the call's number): nothing to clear between calls. */
let localOf: Int32Array = new Int32Array(16);
let stampOf: Int32Array = new Int32Array(16);
let article = 0;
/**
 * Every sentence's distinct local ids (in order of first appearance) and their counts, and every sentence's
 * word hashes, end to end. The article's arrays are copied from these at its end, one allocation each, and
 * each sentence gets views of them: a typed array over 64 bytes allocates its memory outside the JS heap,
 * which costs several times a view, and sentences are many.
 */
let idStore: Int32Array = new Int32Array(16);
let countStore: Int32Array = new Int32Array(16);
let hashStore: Int32Array = new Int32Array(16);
/** Per sentence: where its terms and its hashes start in the stores (sentence i's end at i + 1), its words. */
let termStart: Int32Array = new Int32Array(16);
let hashStart: Int32Array = new Int32Array(16);
let wordCounts: Int32Array = new Int32Array(16);
/**
 * idf by document frequency, for the article at hand: a term's idf depends only on its df, which is at most n,
 * so n logarithms replace one per term occurrence.
 */
let idfOf: Float64Array = new Float64Array(16);

export function vectorize(texts: readonly string[], language: LanguageProfile): ArticleVectors {
  const n = texts.length;
  // TermIds hold from here to the end of the article.
  const table = language.terms;
  if (table.size >= table.limit) table.trim();
  if (documentFrequency.length > KEPT_LENGTH || idStore.length > KEPT_LENGTH) {
    documentFrequency = new Int32Array(4096);
    counts = new Int32Array(4096);
    idStore = new Int32Array(4096);
    countStore = new Int32Array(4096);
  }
  if (hashStore.length > KEPT_LENGTH) hashStore = new Int32Array(4096);
  if (termStart.length > KEPT_LENGTH) {
    termStart = new Int32Array(256);
    hashStart = new Int32Array(256);
    wordCounts = new Int32Array(256);
  }
  if (localOf.length > KEPT_LENGTH || article === 0x7fffffff) {
    localOf = new Int32Array(4096);
    stampOf = new Int32Array(4096);
    article = 0;
  }
  article++;
  let vocabularySize = 0;
  // Sentence i's terms are termStart[i] ..< termStart[i + 1] of the stores, its hashes likewise.
  termStart = int32AtLeast(termStart, n + 1);
  hashStart = int32AtLeast(hashStart, n + 1);
  termStart[0] = 0;
  hashStart[0] = 0;
  let termEnd = 0;
  let hashEnd = 0;
  wordCounts = int32AtLeast(wordCounts, n);
  const words = wordCounts;
  const stopwordCounts = new Int32Array(n);
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
    hashStore = int32AtLeast(hashStore, hashEnd + read.hashCount);
    // Locals, not the module's variables, in the loops: V8 then keeps them in registers.
    const hashes = hashStore;
    const wordHashes = read.wordHashes;
    for (let w = 0; w < read.hashCount; w++) hashes[hashEnd++] = wordHashes[w] as number;
    hashStart[i + 1] = hashEnd;

    const termIds = read.termIds;
    if (localOf.length < language.terms.termCount) {
      localOf = int32AtLeast(localOf, language.terms.termCount);
      stampOf = int32AtLeast(stampOf, language.terms.termCount);
    }
    // Room for the sentence's terms, made once for all of them rather than tested at each.
    const most = read.termCount;
    if (termEnd + most > idStore.length) {
      idStore = int32AtLeast(idStore, termEnd + most);
      countStore = int32AtLeast(countStore, termEnd + most);
    }
    if (vocabularySize + most > counts.length) {
      documentFrequency = int32AtLeast(documentFrequency, vocabularySize + most);
      counts = int32AtLeast(counts, vocabularySize + most);
    }
    const stamps = stampOf;
    const locals = localOf;
    const tally = counts;
    const ids = idStore;
    const first = termEnd;
    for (let t = 0; t < most; t++) {
      const termId = termIds[t] as number;
      let id: number;
      if (stamps[termId] === article) {
        id = locals[termId] as number;
      } else {
        id = vocabularySize++;
        stamps[termId] = article;
        locals[termId] = id;
      }
      if (tally[id] === 0) {
        ids[termEnd++] = id;
      }
      tally[id] = (tally[id] as number) + 1;
    }
    const termCounts = countStore;
    const df = documentFrequency;
    for (let t = first; t < termEnd; t++) {
      const id = ids[t] as number;
      termCounts[t] = tally[id] as number;
      tally[id] = 0;
      df[id] = (df[id] as number) + 1;
    }
    termStart[i + 1] = termEnd;
  }

  const allIds = idStore.slice(0, termEnd);
  const allWeights = new Float64Array(termEnd);
  const allHashes = hashStore.slice(0, hashEnd);
  const sentences: SentenceVector[] = [];
  const tokens: Int32Array[] = [];
  const termDensity = new Float64Array(n);
  idfOf = float64AtLeast(idfOf.length > KEPT_LENGTH ? new Float64Array(256) : idfOf, n + 1);
  const idf = idfOf;
  for (let df = 1; df <= n; df++) idf[df] = Math.log((n + 1) / df);
  const starts = termStart;
  const frequencies = documentFrequency;
  const termCounts = countStore;
  for (let i = 0; i < n; i++) {
    const first = starts[i] as number;
    const end = starts[i + 1] as number;
    let norm = 0;
    let density = 0;
    for (let t = first; t < end; t++) {
      const df = frequencies[allIds[t] as number] as number;
      const count = termCounts[t] as number;
      // log(1) is 0: the usual count needs no logarithm.
      const weight = (count === 1 ? 1 : 1 + Math.log(count)) * (idf[df] as number);
      allWeights[t] = weight;
      norm += weight * weight;
      density += df / n;
    }
    norm = Math.sqrt(norm);
    if (norm > 0)
      for (let t = first; t < end; t++) allWeights[t] = (allWeights[t] as number) / norm;
    termDensity[i] = end > first ? density / (end - first) : 0;
    sentences.push({
      termIds: allIds.subarray(first, end),
      weights: allWeights.subarray(first, end),
      words: words[i] as number,
    });
    tokens.push(allHashes.subarray(hashStart[i] as number, hashStart[i + 1] as number));
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
