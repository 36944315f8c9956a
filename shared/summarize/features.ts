/**
 * Per-sentence features for the scorer. Everything is computed in time linear in the article's length:
 * centrality is each sentence's summed cosine similarity to all others, which equals its dot product with the
 * sum of the (unit) sentence vectors, so no sentence pair is ever compared directly.
 *
 * No feature reads casing, paragraph breaks or the title: those depend on how an article was stored, not on
 * what it says. The requested length relative to the article (k of n) is a feature, since how much of an
 * article is asked for changes which sentences are worth taking.
 */

import { graphRanks } from "./graph";
import type { LanguageProfile } from "./language";
import { endsWithQuestion, hasEarlyColon, startsWithQuote } from "./marks";
import { descendingOrder } from "./order";
import { repeatedTrigrams } from "./repeats";
import { runOnBoundaries } from "./run-ons";
import { KEPT_LENGTH } from "./scratch";
import { type SentenceVector, vectorize } from "./vectors";

export type SentenceAnalysis = SentenceVector;

export interface ArticleAnalysis {
  sentences: SentenceAnalysis[];
  /** One row per sentence, in FEATURE_NAMES order. */
  features: Float64Array[];
  /** Every sentence's lowercased words (stopwords included) as word hashes: selection compares wordings. */
  tokens: Int32Array[];
}

export const FEATURE_NAMES = [
  "pos0",
  "pos1",
  "pos2",
  "pos3",
  "pos4",
  "pos5to7",
  "pos8to11",
  "pos12to19",
  "relPos",
  "relPosSq",
  "inLeadK",
  "logPosOverK",
  "kOverN",
  "kOverN_x_relPos",
  "kOverN_x_inLeadK",
  "kOverN_x_pos0",
  "logWords",
  "short",
  "long",
  "wordsOverMean",
  "centrality",
  "centralityOverMax",
  "centralityRank",
  "kOverN_x_centralityOverMax",
  "leadSimilarity",
  "stopwordRatio",
  "hasQuote",
  "startsWithQuote",
  "question",
  "earlyColon",
  "digitRatio",
  "noTerms",
  "repeatedTrigramRatio",
  "veryLong",
  "termDensity",
  "kOverN_x_logWords",
  "kOverN_x_centralityRank",
  "kOverN_x_leadSimilarity",
  "kOverN_x_termDensity",
  "kOverN_x_repeatedTrigramRatio",
  "kOverN_x_relPosSq",
  "textRank",
  "textRankRank",
  "kOverN_x_textRankRank",
  "over40Words",
  "over55Words",
  "overTwiceMedian",
  "overThriceMedian",
  "lexRank",
  "lexRankRank",
  "kOverN_x_lexRankRank",
  "runOnBoundaries",
  "repeatedLaterRatio",
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;

const LEAD_SIZE = 3;

function dot(a: SentenceAnalysis, dense: Float64Array): number {
  let sum = 0;
  for (let t = 0; t < a.termIds.length; t++) {
    sum += (a.weights[t] as number) * (dense[a.termIds[t] as number] as number);
  }
  return sum;
}

/** 0 for the highest value, 1 for the lowest (ties by position). */
function ranksOf(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = descendingOrder(values);
  const ranks = new Float64Array(n);
  for (let rank = 0; rank < n; rank++) ranks[order[rank] as number] = n > 1 ? rank / (n - 1) : 0;
  return ranks;
}

function selfDot(a: SentenceAnalysis): number {
  let sum = 0;
  for (const w of a.weights) sum += w * w;
  return sum;
}

/**
 * The median of the sentences' word counts, at least 1. A typed array sorts numerically without a comparator
 * call per comparison; it is filled by a loop, which V8 runs faster than Int32Array.from's generic path with a
 * mapping function, in a function of its own: a loop in analyzeArticle would get that long function optimized
 * in a later pass, with inlined code that is then thrown away.
 */
function medianWordCount(sentences: readonly SentenceAnalysis[]): number {
  const n = sentences.length;
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) sorted[i] = (sentences[i] as SentenceAnalysis).words;
  sorted.sort();
  return Math.max(1, sorted[n >> 1] ?? 1);
}

/**
 * Each term's summed weight over all sentences and over the lead ones, by local id: kept between articles and
 * cleared for each (larger ones are let go), instead of two arrays allocated per article.
 */
let total = new Float64Array(16);
let lead = new Float64Array(16);

/**
 * @param texts the article's body sentences in document order
 * @param k the number of sentences requested (an estimate when the length is a word budget)
 */
export function analyzeArticle(
  texts: readonly string[],
  k: number,
  language: LanguageProfile,
): ArticleAnalysis {
  const n = texts.length;
  const vectors = vectorize(texts, language);
  const { sentences, termDensity, stopwordCounts, tokens, vocabularySize } = vectors;
  const { earlier: repeated, later: repeatedLater } = repeatedTrigrams(tokens);
  const runOns = runOnBoundaries(texts, vectors.capitalAfterFirst);

  if (total.length < vocabularySize || total.length > KEPT_LENGTH) {
    total = new Float64Array(Math.max(4096, vocabularySize));
    lead = new Float64Array(total.length);
  } else {
    total.fill(0, 0, vocabularySize);
    lead.fill(0, 0, vocabularySize);
  }
  sentences.forEach((s, i) => {
    for (let t = 0; t < s.termIds.length; t++) {
      const id = s.termIds[t] as number;
      total[id] = (total[id] as number) + (s.weights[t] as number);
      if (i < LEAD_SIZE) lead[id] = (lead[id] as number) + (s.weights[t] as number);
    }
  });

  const leadCount = Math.min(LEAD_SIZE, n);
  const centrality = sentences.map((s) => (n > 1 ? (dot(s, total) - selfDot(s)) / (n - 1) : 0));
  // A loop, not Math.max(...spread): a 10 MB article has more sentences than the call stack takes arguments.
  const maxCentrality = centrality.reduce((max, c) => Math.max(c, max), 1e-9);
  const centralityRank = ranksOf(centrality);
  const { textRank: pageRank, lexRank: cosineRank } = graphRanks(sentences);
  const pageRankRank = ranksOf(pageRank);
  const cosineRankRank = ranksOf(cosineRank);
  const medianWords = medianWordCount(sentences);
  const meanWords = Math.max(1, sentences.reduce((sum, s) => sum + s.words, 0) / Math.max(1, n));
  const kOverN = n > 0 ? Math.min(1, k / n) : 1;

  // One allocation for every row (see vectors.ts's stores for why): each row is a view of its part.
  const matrix = new Float64Array(n * FEATURE_COUNT);
  const features = sentences.map((s, i) => {
    const text = texts[i] as string;
    const relPos = n > 1 ? i / (n - 1) : 0;
    const inLeadK = i < k ? 1 : 0;
    const selfInLead = i < LEAD_SIZE ? selfDot(s) : 0;
    const others = i < LEAD_SIZE ? leadCount - 1 : leadCount;
    const leadSimilarity = others > 0 ? (dot(s, lead) - selfInLead) / others : 0;
    const centralityOverMax = (centrality[i] as number) / maxCentrality;
    const characters = Math.max(1, text.length);
    const row = matrix.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT);
    let f = 0;
    row[f++] = i === 0 ? 1 : 0;
    row[f++] = i === 1 ? 1 : 0;
    row[f++] = i === 2 ? 1 : 0;
    row[f++] = i === 3 ? 1 : 0;
    row[f++] = i === 4 ? 1 : 0;
    row[f++] = i >= 5 && i < 8 ? 1 : 0;
    row[f++] = i >= 8 && i < 12 ? 1 : 0;
    row[f++] = i >= 12 && i < 20 ? 1 : 0;
    row[f++] = relPos;
    row[f++] = relPos * relPos;
    row[f++] = inLeadK;
    row[f++] = Math.log1p(i / Math.max(1, k));
    row[f++] = kOverN;
    row[f++] = kOverN * relPos;
    row[f++] = kOverN * inLeadK;
    row[f++] = kOverN * (i === 0 ? 1 : 0);
    row[f++] = Math.log1p(s.words);
    row[f++] = s.words < 6 ? 1 : 0;
    row[f++] = s.words > 45 ? 1 : 0;
    row[f++] = Math.min(4, s.words / meanWords);
    row[f++] = centrality[i] as number;
    row[f++] = centralityOverMax;
    row[f++] = centralityRank[i] as number;
    row[f++] = kOverN * centralityOverMax;
    row[f++] = leadSimilarity;
    row[f++] = s.words > 0 ? (stopwordCounts[i] as number) / s.words : 0;
    row[f++] = vectors.hasQuote[i] as number;
    row[f++] = startsWithQuote(text) ? 1 : 0;
    row[f++] = endsWithQuestion(text) ? 1 : 0;
    row[f++] = hasEarlyColon(text) ? 1 : 0;
    row[f++] = (vectors.numberChars[i] as number) / characters;
    row[f++] = s.termIds.length === 0 ? 1 : 0;
    row[f++] = repeated[i] as number;
    row[f++] = s.words > 70 ? 1 : 0;
    row[f++] = termDensity[i] as number;
    row[f++] = kOverN * Math.log1p(s.words);
    row[f++] = kOverN * (centralityRank[i] as number);
    row[f++] = kOverN * leadSimilarity;
    row[f++] = kOverN * (termDensity[i] as number);
    row[f++] = kOverN * (repeated[i] as number);
    row[f++] = kOverN * relPos * relPos;
    row[f++] = pageRank[i] as number;
    row[f++] = pageRankRank[i] as number;
    row[f++] = kOverN * (pageRankRank[i] as number);
    row[f++] = s.words > 40 ? 1 : 0;
    row[f++] = s.words > 55 ? 1 : 0;
    row[f++] = s.words > 2 * medianWords ? 1 : 0;
    row[f++] = s.words > 3 * medianWords ? 1 : 0;
    row[f++] = cosineRank[i] as number;
    row[f++] = cosineRankRank[i] as number;
    row[f++] = kOverN * (cosineRankRank[i] as number);
    row[f++] = Math.min(4, runOns[i] as number);
    row[f++] = repeatedLater[i] as number;
    return row;
  });
  return { sentences, features, tokens };
}
