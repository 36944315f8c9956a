/**
 * TextRank over a windowed sentence graph: every sentence is linked to the sentences within WINDOW positions of
 * it, weighted by TextRank's overlap similarity (shared terms over the sum of the log lengths), and ranked by
 * PageRank. For ordinary articles the window spans the whole article (the classic all-pairs graph); for very
 * long inputs it bounds the work to n × WINDOW comparisons, keeping the cost linear in the input.
 */
import type { SentenceAnalysis } from "./features";

const WINDOW = 50;
const DAMPING = 0.85;
const ITERATIONS = 30;
const TOLERANCE = 1e-6;

function sortedUnique(ids: Int32Array): Int32Array {
  return Int32Array.from(new Set(ids)).sort();
}

function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

interface SortedVector {
  ids: Int32Array;
  weights: Float64Array;
}

function sortedVector(s: SentenceAnalysis): SortedVector {
  const order = Array.from(s.termIds.keys()).sort(
    (a, b) => (s.termIds[a] as number) - (s.termIds[b] as number),
  );
  return {
    ids: Int32Array.from(order, (k) => s.termIds[k] as number),
    weights: Float64Array.from(order, (k) => s.weights[k] as number),
  };
}

function sparseDot(a: SortedVector, b: SortedVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      sum += (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * Weighted PageRank over the windowed graph whose edge (i, j) weighs similarity(i, j). Scores have mean 1
 * whatever the article's length.
 */
function windowedPageRank(n: number, similarity: (i: number, j: number) => number): Float64Array {
  // Edge weights to the next WINDOW sentences, in one flat typed array: no per-edge objects for the GC.
  const forward = new Float64Array(n * WINDOW);
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let step = 1; step <= WINDOW && i + step < n; step++) {
      const j = i + step;
      const w = similarity(i, j);
      if (w <= 0) continue;
      forward[i * WINDOW + step - 1] = w;
      strength[i] = (strength[i] as number) + w;
      strength[j] = (strength[j] as number) + w;
    }
  }
  let rank = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    next.fill(1 - DAMPING);
    for (let i = 0; i < n; i++) {
      for (let step = 1; step <= WINDOW && i + step < n; step++) {
        const w = forward[i * WINDOW + step - 1] as number;
        if (w === 0) continue;
        const j = i + step;
        // The edge carries rank both ways: i → j and j → i, each split by the sender's total strength.
        next[j] =
          (next[j] as number) + (DAMPING * w * (rank[i] as number)) / (strength[i] as number);
        next[i] =
          (next[i] as number) + (DAMPING * w * (rank[j] as number)) / (strength[j] as number);
      }
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      change = Math.max(change, Math.abs((next[i] as number) - (rank[i] as number)));
    }
    [rank, next] = [next, rank];
    if (change < TOLERANCE) break;
  }
  return rank;
}

/** TextRank: similarity = shared terms over the sum of the log term counts (favours informative, long sentences). */
export function textRank(sentences: readonly SentenceAnalysis[]): Float64Array {
  const terms = sentences.map((s) => sortedUnique(s.termIds));
  const logLength = terms.map((t) => Math.log(Math.max(1, t.length)));
  return windowedPageRank(sentences.length, (i, j) => {
    const denominator = (logLength[i] as number) + (logLength[j] as number);
    if (denominator <= 0) return 0;
    return overlap(terms[i] as Int32Array, terms[j] as Int32Array) / denominator;
  });
}

/** Continuous LexRank: similarity = tf-idf cosine (length-neutral). */
export function lexRank(sentences: readonly SentenceAnalysis[]): Float64Array {
  const vectors = sentences.map(sortedVector);
  return windowedPageRank(sentences.length, (i, j) =>
    sparseDot(vectors[i] as SortedVector, vectors[j] as SortedVector),
  );
}
