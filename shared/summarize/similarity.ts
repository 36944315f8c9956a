/**
 * Each sentence's centrality and its similarity to the lead, in time linear in the article's length:
 * centrality is each sentence's summed cosine similarity to all others, which equals its dot product with the
 * sum of the (unit) sentence vectors, so no sentence pair is ever compared directly.
 */
import { KEPT_LENGTH } from "./scratch";
import type { SentenceVector as SentenceAnalysis } from "./vectors";

export interface Similarities {
  /** Per sentence, its mean cosine to every other sentence. */
  centrality: Float64Array;
  /** The largest centrality, at least 1e-9. */
  maxCentrality: number;
  /** Per sentence, its mean cosine to the lead sentences other than itself. */
  leadSimilarity: Float64Array;
}

const LEAD_SIZE = 3;

function dot(a: SentenceAnalysis, dense: Float64Array): number {
  let sum = 0;
  for (let t = 0; t < a.termIds.length; t++) {
    sum += (a.weights[t] as number) * (dense[a.termIds[t] as number] as number);
  }
  return sum;
}

function selfDot(a: SentenceAnalysis): number {
  const weights = a.weights;
  let sum = 0;
  for (let t = 0; t < weights.length; t++) sum += (weights[t] as number) * (weights[t] as number);
  return sum;
}

/**
 * Each term's summed weight over all sentences and over the lead ones, by local id: kept between articles and
 * cleared for each (larger ones are let go), instead of two arrays allocated per article.
 */
let total = new Float64Array(16);
let lead = new Float64Array(16);

/**
 * Each sentence's centrality (its summed cosine to all others, as a mean) and its mean cosine to the lead
 * sentences other than itself, with the largest centrality.
 */
export function similarities(
  sentences: readonly SentenceAnalysis[],
  vocabularySize: number,
): Similarities {
  const n = sentences.length;
  if (total.length < vocabularySize || total.length > KEPT_LENGTH) {
    total = new Float64Array(Math.max(4096, vocabularySize));
    lead = new Float64Array(total.length);
  } else {
    total.fill(0, 0, vocabularySize);
    lead.fill(0, 0, vocabularySize);
  }
  // Locals, not the module's variables, in the loops: V8 then keeps them in registers.
  const sums = total;
  const leadSums = lead;
  for (let i = 0; i < n; i++) {
    const { termIds, weights } = sentences[i] as SentenceAnalysis;
    for (let t = 0; t < termIds.length; t++) {
      const id = termIds[t] as number;
      sums[id] = (sums[id] as number) + (weights[t] as number);
      if (i < LEAD_SIZE) leadSums[id] = (leadSums[id] as number) + (weights[t] as number);
    }
  }
  const leadCount = Math.min(LEAD_SIZE, n);
  const centrality = new Float64Array(n);
  const leadSimilarity = new Float64Array(n);
  let maxCentrality = 1e-9;
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as SentenceAnalysis;
    const self = selfDot(s);
    const c = n > 1 ? (dot(s, sums) - self) / (n - 1) : 0;
    centrality[i] = c;
    maxCentrality = Math.max(c, maxCentrality);
    const selfInLead = i < LEAD_SIZE ? self : 0;
    const others = i < LEAD_SIZE ? leadCount - 1 : leadCount;
    leadSimilarity[i] = others > 0 ? (dot(s, leadSums) - selfInLead) / others : 0;
  }
  return { centrality, maxCentrality, leadSimilarity };
}
