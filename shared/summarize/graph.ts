/**
 * TextRank and LexRank over a windowed sentence graph: every sentence is linked to the sentences within WINDOW
 * positions of it and the graph is ranked by PageRank. TextRank weighs an edge by TextRank's overlap similarity
 * (shared terms over the sum of the log lengths), LexRank by tf-idf cosine. For ordinary articles the window
 * spans the whole article (the classic all-pairs graph); for very long inputs it bounds the work to n × WINDOW
 * comparisons, keeping the cost linear in the input.
 */

import { float64AtLeast, int32AtLeast } from "./scratch";

/** What the graph needs of a sentence: its unit tf-idf vector (term ids unique, in any order). */
export interface GraphSentence {
  termIds: Int32Array;
  weights: Float64Array;
}

const WINDOW = 50;
const DAMPING = 0.85;
const ITERATIONS = 30;
const TOLERANCE = 1e-6;

/**
 * Buffers kept between articles: an article's arrays then start at the size the last ones reached instead of
 * growing from small every time. They start tiny on purpose: their growth paths then run on the first article,
 * before V8 optimizes the loops around them (a path first taken after that throws the optimized code away).
 * Buffers above KEPT_LENGTH are let go at the next article, so one huge article does not pin its memory.
 */
const KEPT_LENGTH = 1 << 18;

/**
 * Every sentence's vector with its terms in id order, in one flat pair of arrays (sentence i is
 * start[i] ..< start[i + 1]). Insertion sort: vectors are short and ids mostly rising already.
 */
interface SortedVectors {
  start: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
}

const sorted: SortedVectors = {
  start: new Int32Array(16),
  ids: new Int32Array(16),
  weights: new Float64Array(16),
};

function sortedById(sentences: readonly GraphSentence[]): SortedVectors {
  const n = sentences.length;
  if (sorted.start.length > KEPT_LENGTH || sorted.ids.length > KEPT_LENGTH) {
    sorted.start = new Int32Array(256);
    sorted.ids = new Int32Array(4096);
    sorted.weights = new Float64Array(4096);
  }
  const start = int32AtLeast(sorted.start, n + 1);
  start[0] = 0;
  for (let i = 0; i < n; i++) {
    start[i + 1] = (start[i] as number) + (sentences[i] as GraphSentence).termIds.length;
  }
  const ids = int32AtLeast(sorted.ids, start[n] as number);
  const weights = float64AtLeast(sorted.weights, ids.length);
  for (let s = 0; s < n; s++) {
    const sentence = sentences[s] as GraphSentence;
    const first = start[s] as number;
    ids.set(sentence.termIds, first);
    weights.set(sentence.weights, first);
    for (let i = first + 1, end = start[s + 1] as number; i < end; i++) {
      const id = ids[i] as number;
      const weight = weights[i] as number;
      let j = i - 1;
      while (j >= first && (ids[j] as number) > id) {
        ids[j + 1] = ids[j] as number;
        weights[j + 1] = weights[j] as number;
        j--;
      }
      ids[j + 1] = id;
      weights[j + 1] = weight;
    }
  }
  sorted.start = start;
  sorted.ids = ids;
  sorted.weights = weights;
  return sorted;
}

/**
 * The edges of one windowed graph with a positive weight, in (i, j) order, as flat typed arrays: no per-edge
 * objects for the GC, and no zero weights to step over 30 times. Each weight is kept premultiplied by DAMPING,
 * which is the product the update computes first anyway. Reused from article to article (see KEPT_LENGTH).
 */
class EdgeList {
  firstEdge: Int32Array = new Int32Array(16);
  target: Int32Array = new Int32Array(16);
  weight: Float64Array = new Float64Array(16);
  strength: Float64Array = new Float64Array(16);
  edges = 0;

  /** Empties the list for a graph of n sentences. */
  reset(n: number): void {
    if (this.firstEdge.length > KEPT_LENGTH || this.target.length > KEPT_LENGTH) {
      this.firstEdge = new Int32Array(257);
      this.target = new Int32Array(8192);
      this.weight = new Float64Array(8192);
      this.strength = new Float64Array(256);
    }
    this.firstEdge = int32AtLeast(this.firstEdge, n + 1);
    this.strength = float64AtLeast(this.strength, n);
    this.strength.fill(0, 0, n);
    this.edges = 0;
  }

  /** Sentence i's edges start here; calls come in rising i, then `end(n)`. */
  start(i: number): void {
    this.firstEdge[i] = this.edges;
  }

  add(i: number, j: number, w: number): void {
    if (w <= 0) return;
    if (this.edges === this.target.length) {
      this.target = int32AtLeast(this.target, this.edges + 1);
      this.weight = float64AtLeast(this.weight, this.edges + 1);
    }
    this.target[this.edges] = j;
    this.weight[this.edges] = DAMPING * w;
    this.edges++;
    this.strength[i] = (this.strength[i] as number) + w;
    this.strength[j] = (this.strength[j] as number) + w;
  }

  end(n: number): void {
    this.firstEdge[n] = this.edges;
  }
}

const overlapGraph = new EdgeList();
const cosineGraph = new EdgeList();

/**
 * Weighted PageRank over a windowed graph. Scores have mean 1 whatever the article's length. One pass over
 * the sentences per iteration: edges only run forward (i < j), so next[i] is final once sentence i's own
 * edges are added, and rank[i] is read by no later sentence, which frees its slot for the next iteration.
 */
function windowedPageRank(n: number, graph: EdgeList): Float64Array {
  const { firstEdge, target, weight, strength } = graph;
  let rank = new Float64Array(n).fill(1);
  let next = new Float64Array(n).fill(1 - DAMPING);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let change = 0;
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
      change = Math.max(change, Math.abs(nextI - rankI));
      rank[i] = 1 - DAMPING;
    }
    [rank, next] = [next, rank];
    if (change < TOLERANCE) break;
  }
  return rank;
}

export interface GraphRanks {
  /** TextRank: similarity = shared terms over the sum of the log term counts (favours informative, long sentences). */
  textRank: Float64Array;
  /** Continuous LexRank: similarity = tf-idf cosine (length-neutral). */
  lexRank: Float64Array;
}

export function graphRanks(sentences: readonly GraphSentence[]): GraphRanks {
  const n = sentences.length;
  windowGraphs(n, sortedById(sentences));
  return {
    textRank: windowedPageRank(n, overlapGraph),
    lexRank: windowedPageRank(n, cosineGraph),
  };
}

/** Sentence i's weights scattered by term id; stamp[id] === the sentence's mark while they are current. */
let dense: Float64Array = new Float64Array(16);
let stamp: Int32Array = new Int32Array(16);
let mark = 0;
let logLength: Float64Array = new Float64Array(16);

/**
 * Both graphs in one pass over the windowed pairs: sentence i's weights are scattered into a dense array by
 * term id, so each pair costs one scan of j's terms instead of a merge of both lists. j's terms are read in id
 * order, so the cosine adds the same products in the same order a merge of the two lists would.
 */
function windowGraphs(n: number, { start, ids, weights }: SortedVectors): void {
  const width = Math.max(1, Math.min(WINDOW, n - 1));
  overlapGraph.reset(n);
  cosineGraph.reset(n);
  let vocabulary = 0;
  for (let t = 0, end = start[n] as number; t < end; t++) {
    vocabulary = Math.max(vocabulary, (ids[t] as number) + 1);
  }
  if (dense.length < vocabulary || dense.length > KEPT_LENGTH || mark > 0x7fffffff - n) {
    // A fresh stamp array: no stamp left in it can equal a mark to come.
    dense = new Float64Array(Math.max(4096, vocabulary));
    stamp = new Int32Array(dense.length);
    mark = 0;
  }
  logLength = float64AtLeast(logLength.length > KEPT_LENGTH ? new Float64Array(256) : logLength, n);
  for (let i = 0; i < n; i++) {
    logLength[i] = Math.log(Math.max(1, (start[i + 1] as number) - (start[i] as number)));
  }
  for (let i = 0; i < n; i++) {
    overlapGraph.start(i);
    cosineGraph.start(i);
    const current = ++mark;
    for (let t = start[i] as number, end = start[i + 1] as number; t < end; t++) {
      const id = ids[t] as number;
      dense[id] = weights[t] as number;
      stamp[id] = current;
    }
    for (let step = 1; step <= width && i + step < n; step++) {
      const j = i + step;
      let shared = 0;
      let sum = 0;
      for (let t = start[j] as number, end = start[j + 1] as number; t < end; t++) {
        const id = ids[t] as number;
        if (stamp[id] === current) {
          shared++;
          sum += (dense[id] as number) * (weights[t] as number);
        }
      }
      // TextRank's overlap similarity: shared terms over the sum of the log term counts.
      const denominator = (logLength[i] as number) + (logLength[j] as number);
      overlapGraph.add(i, j, denominator <= 0 ? 0 : shared / denominator);
      cosineGraph.add(i, j, sum);
    }
  }
  overlapGraph.end(n);
  cosineGraph.end(n);
}
