/**
 * Turning scores into a summary: how many sentences a length asks for, and greedy selection by score that
 * skips near-duplicates of what is already chosen.
 */
import type { SummaryLength } from "../contract/summary";
import { descendingOrder } from "./order";
import type { SentenceVector as SentenceAnalysis } from "./vectors";

/**
 * The sentence count a length asks for, as the scorer's k-of-n feature sees it. Sentence texts, not their word
 * counts: only a word budget needs those, and counting them costs a split of every sentence.
 */
export function requestedCount(length: SummaryLength, texts: readonly string[]): number {
  const n = texts.length;
  if (n === 0) return 0;
  switch (length.mode) {
    case "sentences":
      return Math.min(n, Math.floor(length.value));
    case "ratio":
      return Math.min(n, Math.max(1, Math.round(length.value * n)));
    case "words": {
      const wordCounts = texts.map((t) => t.split(/\s+/).filter(Boolean).length);
      const meanWords = Math.max(1, wordCounts.reduce((a, b) => a + b, 0) / n);
      return Math.min(n, Math.max(1, Math.round(length.value / meanWords)));
    }
  }
}

export function cosine(a: SentenceAnalysis, b: SentenceAnalysis): number {
  // Both vectors are short and sorted by first appearance, not id: index the smaller one.
  const [small, large] = a.termIds.length <= b.termIds.length ? [a, b] : [b, a];
  if (small.termIds.length === 0) return 0;
  const lookup = new Map<number, number>();
  for (let t = 0; t < small.termIds.length; t++) {
    lookup.set(small.termIds[t] as number, small.weights[t] as number);
  }
  let sum = 0;
  for (let t = 0; t < large.termIds.length; t++) {
    const w = lookup.get(large.termIds[t] as number);
    if (w !== undefined) sum += w * (large.weights[t] as number);
  }
  return sum;
}

/** Terms of a candidate used to find earlier picks it might duplicate: its highest-weighted (rarest) ones. */
const PROBE_TERMS = 4;

/**
 * Share of distinct words (stopwords included) two sentences have in common, above which they are the same
 * sentence reworded: one word changed in a ten-word sentence gives 0.82, in a five-word one 0.67. Needed beside
 * the tf-idf cosine because an article of near-duplicate paragraphs gives the shared words a low idf, so the one
 * word that differs dominates both vectors and the cosine stays low.
 */
const NEAR_DUPLICATE_WORDS = 0.6;

function wordJaccard(a: ReadonlySet<number>, b: ArrayLike<number>): number {
  const seen = new Set<number>();
  let shared = 0;
  for (let w = 0; w < b.length; w++) {
    const word = b[w] as number;
    if (seen.has(word)) continue;
    seen.add(word);
    if (a.has(word)) shared++;
  }
  const union = a.size + seen.size - shared;
  return union > 0 ? shared / union : 0;
}

/**
 * Places of the `count` largest weights, largest first, ties by place: what a stable sort of all places by
 * weight, cut to `count`, gives, without sorting or allocating for every candidate.
 */
function heaviest(weights: Float64Array, count: number): number[] {
  const top: number[] = [];
  for (let t = 0; t < weights.length; t++) {
    const weight = weights[t] as number;
    let at = top.length;
    while (at > 0 && (weights[top[at - 1] as number] as number) < weight) at--;
    if (at < count) {
      top.splice(at, 0, t);
      if (top.length > count) top.pop();
    }
  }
  return top;
}

/**
 * Chosen sentences indexed by term, so a candidate is compared only with picks that share one of its rarest
 * terms (a near-duplicate always does) rather than with every pick: selection stays linear when a ratio asks
 * for thousands of sentences.
 */
class ChosenIndex {
  private readonly postings = new Map<number, number[]>();

  constructor(
    private readonly sentences: readonly SentenceAnalysis[],
    private readonly tokens: readonly ArrayLike<number>[],
  ) {}

  add(index: number): void {
    for (const id of (this.sentences[index] as SentenceAnalysis).termIds) {
      const list = this.postings.get(id);
      if (list) list.push(index);
      else this.postings.set(id, [index]);
    }
  }

  duplicates(candidateIndex: number, threshold: number): boolean {
    const candidate = this.sentences[candidateIndex] as SentenceAnalysis;
    const probes = heaviest(candidate.weights, PROBE_TERMS);
    const seen = new Set<number>();
    let words: ReadonlySet<number> | undefined;
    for (const t of probes) {
      for (const j of this.postings.get(candidate.termIds[t] as number) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        if (cosine(candidate, this.sentences[j] as SentenceAnalysis) > threshold) return true;
        words ??= new Set(Array.from(this.tokens[candidateIndex] ?? []));
        if (wordJaccard(words, this.tokens[j] ?? []) >= NEAR_DUPLICATE_WORDS) return true;
      }
    }
    return false;
  }
}

function trigramsOf(words: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let w = 0; w + 2 < words.length; w++)
    out.push(`${words[w]},${words[w + 1]},${words[w + 2]}`);
  return out;
}

export interface Selection {
  /** Indices into the body sentences, in document order. */
  indices: number[];
  skippedAsDuplicates: number;
}

/**
 * Greedy by score, skipping a sentence that repeats a chosen one in content (tf-idf cosine above
 * redundancyThreshold) or in wording (see NEAR_DUPLICATE_WORDS); `tokens` are each sentence's lowercased words as hashes.
 * With trigramOverlap below 1, a sentence is also skipped when more than that share of its word trigrams is already
 * in the summary (trigram blocking). With a word budget, a sentence that does not fit is passed over for a shorter one; when
 * nothing fits, the best sentence alone is returned (whole sentences only).
 */
export function selectSentences(
  scores: readonly number[],
  sentences: readonly SentenceAnalysis[],
  tokens: readonly ArrayLike<number>[],
  length: SummaryLength,
  count: number,
  redundancyThreshold: number,
  trigramOverlap = 1,
): Selection {
  // "Fewer sentences than asked": all of them, duplicates or not, since nothing better is left to take.
  if (length.mode !== "words" && count >= scores.length) {
    return { indices: scores.map((_, i) => i), skippedAsDuplicates: 0 };
  }
  // As a typed array, like every other caller's values: descendingOrder's optimized code then reads one kind.
  const ranked = descendingOrder(Float64Array.from(scores));
  const chosen: number[] = [];
  const index = new ChosenIndex(sentences, tokens);
  const chosenTrigrams = new Set<string>();
  let skippedAsDuplicates = 0;
  let words = 0;
  for (const i of ranked) {
    if (length.mode === "words" ? words >= length.value : chosen.length >= count) break;
    const candidate = sentences[i] as SentenceAnalysis;
    if (length.mode === "words" && words + candidate.words > length.value) continue;
    const trigrams = trigramOverlap < 1 ? trigramsOf(tokens[i] ?? []) : [];
    if (
      // The first pick has nothing to duplicate.
      (chosen.length > 0 && index.duplicates(i, redundancyThreshold)) ||
      (trigrams.length > 0 &&
        trigrams.filter((t) => chosenTrigrams.has(t)).length > trigramOverlap * trigrams.length)
    ) {
      skippedAsDuplicates++;
      continue;
    }
    chosen.push(i);
    index.add(i);
    for (const t of trigrams) chosenTrigrams.add(t);
    words += candidate.words;
  }
  if (chosen.length === 0 && ranked.length > 0 && length.mode === "words") {
    chosen.push(ranked[0] as number);
  }
  return { indices: chosen.sort((a, b) => a - b), skippedAsDuplicates };
}
