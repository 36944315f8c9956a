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
    ids.set(sentence.termIds, first);
    weights.set(sentence.weights, first);
    for (let i = first + 1; i < end; i++) {
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
 * Where each term last occurred (a place in the sorted vectors; -1 for none yet) and, per place, where its term
 * occurred before that: every term's occurrences as a list running back through the article.
 */
let lastPlace: Int32Array = new Int32Array(16);
let previousPlace: Int32Array = new Int32Array(16);
let sentenceAt: Int32Array = new Int32Array(16);
/** Sentence j's pairs with the sentences before it, by distance - 1: terms shared and summed products. */
let cellShared: Int32Array = new Int32Array(16);
let cellSum: Float64Array = new Float64Array(16);
let touched: Int32Array = new Int32Array(16);
/** The pairs that share a term, in the order found (by later sentence), then that order sorted by earlier one. */
let pairFirst: Int32Array = new Int32Array(16);
let pairSecond: Int32Array = new Int32Array(16);
let pairShared: Int32Array = new Int32Array(16);
let pairSum: Float64Array = new Float64Array(16);
let byFirst: Int32Array = new Int32Array(16);
let pairStart: Int32Array = new Int32Array(16);

/**
 * Both graphs from the pairs of sentences that share a term: a pair sharing none weighs 0 in both, and most
 * pairs share none. Each sentence j walks back through the earlier occurrences of its terms, in id order, so a
 * pair's cosine adds the same products in the same order a merge of the two sorted lists would. Pairs come out
 * grouped by their later sentence; the edge lists want them by the earlier one (that order fixes every sum
 * PageRank takes), so they are sorted by it, stably, before the edges are added.
 */
function windowGraphs(n: number, { start, ids, weights, vocabulary }: SortedVectors): void {
  const width = Math.max(1, Math.min(WINDOW, n - 1));
  const places = start[n] as number;
  if (lastPlace.length > KEPT_LENGTH || previousPlace.length > KEPT_LENGTH) {
    lastPlace = new Int32Array(4096);
    previousPlace = new Int32Array(4096);
    sentenceAt = new Int32Array(4096);
  }
  lastPlace = int32AtLeast(lastPlace, vocabulary);
  lastPlace.fill(-1, 0, vocabulary);
  previousPlace = int32AtLeast(previousPlace, places);
  sentenceAt = int32AtLeast(sentenceAt, places);
  cellShared = int32AtLeast(cellShared, width);
  cellSum = float64AtLeast(cellSum, width);
  touched = int32AtLeast(touched, width);
  if (pairFirst.length > KEPT_LENGTH) {
    pairFirst = new Int32Array(4096);
    pairSecond = new Int32Array(4096);
    pairShared = new Int32Array(4096);
    pairSum = new Float64Array(4096);
    byFirst = new Int32Array(4096);
  }
  pairStart = int32AtLeast(pairStart.length > KEPT_LENGTH ? new Int32Array(256) : pairStart, n + 1);
  pairStart.fill(0, 0, n + 1);
  addEdges(n, findPairs(n, start, ids, weights, width));
}

/**
 * The pairs within the window that share a term (see windowGraphs), each sentence's pairs counted at
 * pairStart[its index + 1]. Its own function, apart from the set-up: V8 optimizes a function after an amount of
 * its bytecode has run in proportion to the function's length, so the loops get their optimized code sooner.
 */
function findPairs(
  n: number,
  start: Int32Array,
  ids: Int32Array,
  weights: Float64Array,
  width: number,
): number {
  let pairs = 0;
  for (let j = 0; j < n; j++) {
    let cells = 0;
    for (let t = start[j] as number, end = start[j + 1] as number; t < end; t++) {
      const id = ids[t] as number;
      const weight = weights[t] as number;
      for (let p = lastPlace[id] as number; p >= 0; p = previousPlace[p] as number) {
        const cell = j - 1 - (sentenceAt[p] as number);
        if (cell >= width) break;
        if (cellShared[cell] === 0) touched[cells++] = cell;
        cellShared[cell] = (cellShared[cell] as number) + 1;
        cellSum[cell] = (cellSum[cell] as number) + (weights[p] as number) * weight;
      }
      previousPlace[t] = lastPlace[id] as number;
      lastPlace[id] = t;
      sentenceAt[t] = j;
    }
    if (pairs + cells > pairFirst.length) {
      pairFirst = int32AtLeast(pairFirst, pairs + cells);
      pairSecond = int32AtLeast(pairSecond, pairs + cells);
      pairShared = int32AtLeast(pairShared, pairs + cells);
      pairSum = float64AtLeast(pairSum, pairs + cells);
    }
    for (let c = 0; c < cells; c++) {
      const cell = touched[c] as number;
      const i = j - 1 - cell;
      pairFirst[pairs] = i;
      pairSecond[pairs] = j;
      pairShared[pairs] = cellShared[cell] as number;
      pairSum[pairs] = cellSum[cell] as number;
      pairs++;
      pairStart[i + 1] = (pairStart[i + 1] as number) + 1;
      cellShared[cell] = 0;
      cellSum[cell] = 0;
    }
  }
  return pairs;
}

/** The found pairs as edges of both graphs, in (i, j) order. */
function addEdges(n: number, pairs: number): void {
  for (let i = 0; i < n; i++)
    pairStart[i + 1] = (pairStart[i + 1] as number) + (pairStart[i] as number);
  byFirst = int32AtLeast(byFirst, pairs);
  // A counting sort: pairs found in rising j land in each i's range in rising j.
  for (let p = 0; p < pairs; p++) {
    const i = pairFirst[p] as number;
    byFirst[pairStart[i] as number] = p;
    pairStart[i] = (pairStart[i] as number) + 1;
  }
  overlapGraph.reset(n);
  cosineGraph.reset(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    overlapGraph.start(i);
    cosineGraph.start(i);
    for (const end = pairStart[i] as number; at < end; at++) {
      const p = byFirst[at] as number;
      const j = pairSecond[p] as number;
      // TextRank's overlap similarity: shared terms over the sum of the log term counts.
      const denominator = (logLength[i] as number) + (logLength[j] as number);
      overlapGraph.add(i, j, denominator <= 0 ? 0 : (pairShared[p] as number) / denominator);
      cosineGraph.add(i, j, pairSum[p] as number);
    }
  }
  overlapGraph.end(n);
  cosineGraph.end(n);
}
