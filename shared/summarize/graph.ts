/**
 * TextRank and LexRank over a windowed sentence graph: every sentence is linked to the sentences within WINDOW
 * positions of it and the graph is ranked by PageRank. TextRank weighs an edge by TextRank's overlap similarity
 * (shared terms over the sum of the log lengths), LexRank by tf-idf cosine. For ordinary articles the window
 * spans the whole article (the classic all-pairs graph); for very long inputs it bounds the work to n × WINDOW
 * comparisons, keeping the cost linear in the input.
 */

import { EdgeList, windowedPageRank } from "./pagerank";
import { float64AtLeast, int32AtLeast, KEPT_LENGTH } from "./scratch";

/** What the graph needs of a sentence: its unit tf-idf vector (term ids unique, in any order). */
export interface GraphSentence {
  termIds: Int32Array;
  weights: Float64Array;
}

const WINDOW = 50;

/**
 * Buffers kept between articles: an article's arrays then start at the size the last ones reached instead of
 * growing from small every time. They start tiny on purpose: their growth paths then run on the first article,
 * before V8 optimizes the loops around them (a path first taken after that throws the optimized code away).
 * Buffers above KEPT_LENGTH are let go at the next article.
 */

/**
 * Every sentence's vector with its terms in id order, in one flat pair of arrays (sentence i is
 * start[i] ..< start[i + 1]). Insertion sort: vectors are short and ids mostly rising already. The same pass
 * notes what the graphs need of each sentence's length and of the ids, in a loop V8 optimizes early.
 */
interface SortedVectors {
  start: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
  /** One more than the highest id. */
  vocabulary: number;
}

const sorted: SortedVectors = {
  start: new Int32Array(16),
  ids: new Int32Array(16),
  weights: new Float64Array(16),
  vocabulary: 0,
};
/** Per sentence, the log of its term count (at least 1): TextRank's overlap divides by a sum of two. */
let logLength: Float64Array = new Float64Array(16);

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
  logLength = float64AtLeast(logLength.length > KEPT_LENGTH ? new Float64Array(256) : logLength, n);
  let vocabulary = 0;
  for (let s = 0; s < n; s++) {
    const sentence = sentences[s] as GraphSentence;
    const first = start[s] as number;
    const end = start[s + 1] as number;
    // Each term is inserted as it is copied: no call into TypedArray.prototype.set per sentence.
    const termIds = sentence.termIds;
    const termWeights = sentence.weights;
    for (let i = first; i < end; i++) {
      const id = termIds[i - first] as number;
      const weight = termWeights[i - first] as number;
      let j = i - 1;
      while (j >= first && (ids[j] as number) > id) {
        ids[j + 1] = ids[j] as number;
        weights[j + 1] = weights[j] as number;
        j--;
      }
      ids[j + 1] = id;
      weights[j + 1] = weight;
    }
    if (end > first) vocabulary = Math.max(vocabulary, (ids[end - 1] as number) + 1);
    logLength[s] = Math.log(Math.max(1, end - first));
  }
  sorted.vocabulary = vocabulary;
  sorted.start = start;
  sorted.ids = ids;
  sorted.weights = weights;
  return sorted;
}

const overlapGraph = new EdgeList();
const cosineGraph = new EdgeList();

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

/**
 * Per place in the sorted vectors, where its term occurs next (-1 for nowhere) and in which sentence it is;
 * and, while those are filled in from the end, where each term occurs first after the place at hand.
 */
let nextPlace: Int32Array = new Int32Array(16);
let sentenceAt: Int32Array = new Int32Array(16);
let firstPlace: Int32Array = new Int32Array(16);
/** Sentence i's pairs with the sentences after it, by distance - 1: terms shared and summed products. */
let cellShared: Int32Array = new Int32Array(16);
let cellSum: Float64Array = new Float64Array(16);

/**
 * Both graphs from the pairs of sentences that share a term: a pair sharing none weighs 0 in both, and most
 * pairs share none. Each sentence i walks forward through the later occurrences of its terms, in id order, so
 * a pair's cosine adds the same products in the same order a merge of the two sorted lists would; its pairs
 * then go to the edge lists in rising j, the (i, j) order that fixes every sum PageRank takes.
 */
function windowGraphs(n: number, { start, ids, weights, vocabulary }: SortedVectors): void {
  const width = Math.max(1, Math.min(WINDOW, n - 1));
  const places = start[n] as number;
  if (nextPlace.length > KEPT_LENGTH || firstPlace.length > KEPT_LENGTH) {
    nextPlace = new Int32Array(4096);
    sentenceAt = new Int32Array(4096);
    firstPlace = new Int32Array(4096);
  }
  nextPlace = int32AtLeast(nextPlace, places);
  sentenceAt = int32AtLeast(sentenceAt, places);
  firstPlace = int32AtLeast(firstPlace, vocabulary);
  firstPlace.fill(-1, 0, vocabulary);
  cellShared = int32AtLeast(cellShared, width);
  cellSum = float64AtLeast(cellSum, width);
  linkOccurrences(n, start, ids);
  overlapGraph.reset(n);
  cosineGraph.reset(n);
  addEdges(n, start, weights, width);
  overlapGraph.end(n);
  cosineGraph.end(n);
}

/** nextPlace and sentenceAt of every place, from the last sentence back. */
function linkOccurrences(n: number, start: Int32Array, ids: Int32Array): void {
  // Locals, not the module's variables, in the loop: V8 then keeps them in registers.
  const next = nextPlace;
  const firstOf = firstPlace;
  const sentence = sentenceAt;
  for (let s = n - 1; s >= 0; s--) {
    for (let t = (start[s + 1] as number) - 1, first = start[s] as number; t >= first; t--) {
      const id = ids[t] as number;
      next[t] = firstOf[id] as number;
      firstOf[id] = t;
      sentence[t] = s;
    }
  }
}

/**
 * Each sentence's edges to the later sentences within the window that share a term with it. Its own function,
 * apart from the set-up: V8 optimizes a function after an amount of its bytecode has run in proportion to the
 * function's length, so the loops get their optimized code sooner.
 */
function addEdges(n: number, start: Int32Array, weights: Float64Array, width: number): void {
  const next = nextPlace;
  const sentence = sentenceAt;
  const shared = cellShared;
  const sums = cellSum;
  const logs = logLength;
  for (let i = 0; i < n; i++) {
    const cells = Math.min(width, n - 1 - i);
    overlapGraph.start(i, cells);
    cosineGraph.start(i, cells);
    for (let t = start[i] as number, end = start[i + 1] as number; t < end; t++) {
      const weight = weights[t] as number;
      for (let p = next[t] as number; p >= 0; p = next[p] as number) {
        const cell = (sentence[p] as number) - i - 1;
        if (cell >= width) break;
        shared[cell] = (shared[cell] as number) + 1;
        sums[cell] = (sums[cell] as number) + weight * (weights[p] as number);
      }
    }
    for (let cell = 0; cell < cells; cell++) {
      const common = shared[cell] as number;
      if (common === 0) continue;
      const j = i + 1 + cell;
      // TextRank's overlap similarity: shared terms over the sum of the log term counts.
      const denominator = (logs[i] as number) + (logs[j] as number);
      overlapGraph.add(i, j, denominator <= 0 ? 0 : common / denominator);
      cosineGraph.add(i, j, sums[cell] as number);
      shared[cell] = 0;
      sums[cell] = 0;
    }
  }
}
