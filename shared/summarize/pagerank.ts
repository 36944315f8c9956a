/**
 * Weighted PageRank over the windowed sentence graphs graph.ts builds, and the edge lists it runs on.
 */

import { float64AtLeast, int32AtLeast, KEPT_LENGTH } from "./scratch";

const DAMPING = 0.85;
const ITERATIONS = 30;
const TOLERANCE = 1e-6;

/**
 * The edges of one windowed graph with a positive weight, in (i, j) order, as flat typed arrays: no per-edge
 * objects for the GC, and no zero weights to step over 30 times. Each weight is kept premultiplied by DAMPING,
 * which is the product the update computes first anyway. Reused from article to article (see KEPT_LENGTH).
 */
export class EdgeList {
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

  /**
   * Sentence i's edges start here, and room is made for `most` of them; calls come in rising i, then `end(n)`.
   * The room is made once per sentence, not tested at every edge: `add` stays small where it is inlined.
   */
  start(i: number, most: number): void {
    this.firstEdge[i] = this.edges;
    if (this.edges + most > this.target.length) {
      this.target = int32AtLeast(this.target, this.edges + most);
      this.weight = float64AtLeast(this.weight, this.edges + most);
    }
  }

  /** One of the edges `start` made room for. */
  add(i: number, j: number, w: number): void {
    if (w <= 0) return;
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

/** The iterations' second rank array, kept between calls: one of the two is returned, the other is scratch. */
let spare: Float64Array = new Float64Array(16);

/**
 * Weighted PageRank over a windowed graph. Scores have mean 1 whatever the article's length. One pass over
 * the sentences per iteration: edges only run forward (i < j), so next[i] is final once sentence i's own
 * edges are added, and rank[i] is read by no later sentence, which frees its slot for the next iteration.
 */
export function windowedPageRank(n: number, graph: EdgeList): Float64Array {
  const ranks = new Float64Array(n).fill(1);
  spare = float64AtLeast(spare.length > KEPT_LENGTH ? new Float64Array(256) : spare, n);
  spare.fill(1 - DAMPING, 0, n);
  let rank: Float64Array = ranks;
  let next: Float64Array = spare;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const change = step(n, graph, rank, next);
    const done = rank;
    rank = next;
    next = done;
    if (change < TOLERANCE) break;
  }
  if (rank !== ranks) ranks.set(rank.subarray(0, n));
  return ranks;
}

/**
 * One iteration: `next` gets the new ranks and `rank` is left holding 1 - DAMPING; returns the largest change.
 * A function of its own: V8 optimizes it after the first few runs, where a loop inside windowedPageRank would
 * first be compiled on its own (on-stack replacement) and then again with the function.
 */
function step(n: number, graph: EdgeList, rank: Float64Array, next: Float64Array): number {
  const { firstEdge, target, weight, strength } = graph;
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
  return change;
}
