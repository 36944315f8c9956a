/**
 * TextRank and LexRank over a windowed sentence graph: every sentence is linked to the sentences within WINDOW
 * positions of it and the graph is ranked by PageRank. TextRank weighs an edge by TextRank's overlap similarity
 * (shared terms over the sum of the log lengths), LexRank by tf-idf cosine. For ordinary articles the window
 * spans the whole article (the classic all-pairs graph); for very long inputs it bounds the work to n × WINDOW
 * comparisons, keeping the cost linear in the input.
 */

/** What the graph needs of a sentence: its unit tf-idf vector (term ids unique, in any order). */
export interface GraphSentence {
  termIds: Int32Array;
  weights: Float64Array;
}

const WINDOW = 50;
const DAMPING = 0.85;
const ITERATIONS = 30;
const TOLERANCE = 1e-6;

/** The vector with its terms in id order (insertion sort: vectors are short and ids mostly rising already). */
function sortedById(s: GraphSentence): GraphSentence {
  const ids = Int32Array.from(s.termIds);
  const weights = Float64Array.from(s.weights);
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i] as number;
    const weight = weights[i] as number;
    let j = i - 1;
    while (j >= 0 && (ids[j] as number) > id) {
      ids[j + 1] = ids[j] as number;
      weights[j + 1] = weights[j] as number;
      j--;
    }
    ids[j + 1] = id;
    weights[j + 1] = weight;
  }
  return { termIds: ids, weights };
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

function sparseDot(a: GraphSentence, b: GraphSentence): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.termIds.length && j < b.termIds.length) {
    const x = a.termIds[i] as number;
    const y = b.termIds[j] as number;
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
  // The edges to the next WINDOW sentences with a positive weight, in (i, j) order, as flat typed arrays: no
  // per-edge objects for the GC, and no zero weights to step over 30 times. Each weight is kept premultiplied
  // by DAMPING, which is the product the update computes first anyway.
  const width = Math.max(1, Math.min(WINDOW, n - 1));
  const firstEdge = new Int32Array(n + 1);
  let target: Int32Array = new Int32Array(Math.max(16, Math.min(n * width, 1024)));
  let weight: Float64Array = new Float64Array(target.length);
  const strength = new Float64Array(n);
  let edges = 0;
  for (let i = 0; i < n; i++) {
    firstEdge[i] = edges;
    for (let step = 1; step <= width && i + step < n; step++) {
      const j = i + step;
      const w = similarity(i, j);
      if (w <= 0) continue;
      if (edges === target.length) {
        target = grownInt32(target);
        weight = grownFloat64(weight);
      }
      target[edges] = j;
      weight[edges] = DAMPING * w;
      edges++;
      strength[i] = (strength[i] as number) + w;
      strength[j] = (strength[j] as number) + w;
    }
  }
  firstEdge[n] = edges;
  let rank = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    next.fill(1 - DAMPING);
    for (let i = 0; i < n; i++) {
      const rankI = rank[i] as number;
      const strengthI = strength[i] as number;
      let nextI = next[i] as number;
      for (let e = firstEdge[i] as number, end = firstEdge[i + 1] as number; e < end; e++) {
        const j = target[e] as number;
        const dampedW = weight[e] as number;
        // The edge carries rank both ways: i → j and j → i, each split by the sender's total strength.
        next[j] = (next[j] as number) + (dampedW * rankI) / strengthI;
        nextI += (dampedW * (rank[j] as number)) / (strength[j] as number);
      }
      next[i] = nextI;
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

function grownInt32(array: Int32Array): Int32Array {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array);
  return bigger;
}

function grownFloat64(array: Float64Array): Float64Array {
  const bigger = new Float64Array(2 * array.length);
  bigger.set(array);
  return bigger;
}

export interface GraphRanks {
  /** TextRank: similarity = shared terms over the sum of the log term counts (favours informative, long sentences). */
  textRank: Float64Array;
  /** Continuous LexRank: similarity = tf-idf cosine (length-neutral). */
  lexRank: Float64Array;
}

export function graphRanks(sentences: readonly GraphSentence[]): GraphRanks {
  const vectors = sentences.map(sortedById);
  const logLength = vectors.map((v) => Math.log(Math.max(1, v.termIds.length)));
  const textRank = windowedPageRank(vectors.length, (i, j) => {
    const denominator = (logLength[i] as number) + (logLength[j] as number);
    if (denominator <= 0) return 0;
    return (
      overlap((vectors[i] as GraphSentence).termIds, (vectors[j] as GraphSentence).termIds) /
      denominator
    );
  });
  const lexRank = windowedPageRank(vectors.length, (i, j) =>
    sparseDot(vectors[i] as GraphSentence, vectors[j] as GraphSentence),
  );
  return { textRank, lexRank };
}
