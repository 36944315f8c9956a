/**
 * A tree ensemble laid out for the scorers of batch-scorer.ts and quick-scorer.ts. Trained trees split on a few
 * quantiles per feature, so many nodes share a threshold: each feature's distinct thresholds, sorted, are its
 * groups, and a row's value is compared with each group once, whatever the number of nodes testing it.
 *
 * Laying out runs once per process, on the first article, while V8 still interprets: it sticks to typed arrays,
 * a counting sort, the native numeric sort of typed arrays and a Map rather than node objects and a comparator.
 */
import type { Tree } from "./tree";

/** The depth of the trained trees, the one the batch scorer is written for; shallower trees are padded to it. */
export const BATCH_DEPTH = 4;
/** 2^5 leaves: one 32-bit leaf mask per tree in the single-row scorer. */
export const MAX_DEPTH = 5;

export interface TreeLayout {
  /** Every tree taken to this depth: 2^depth leaves, 2^depth - 1 tests at heap positions. */
  depth: number;
  trees: number;
  /** Feature f's groups, by rising threshold, are groupThreshold[featureGroup[f] ..< featureGroup[f + 1]]. */
  featureGroup: Int32Array;
  groupThreshold: Float64Array;
  /**
   * Tree t's test at heap position p is slot nodeSlot[t × (2^depth - 1) + p]. Group g of feature f has slot
   * g + f + 1: after each feature's groups comes a slot no test reads (a value below none of its thresholds).
   * Slot 0 is a test every value passes, for the positions below a leaf of a tree that stops early: they lead to
   * the first leaf of the span, and every leaf of the span holds the value of the tree's own leaf.
   */
  nodeSlot: Int32Array;
  /** Tree t's leaf l (left to right at full depth) scores leafValue[t × 2^depth + l]. */
  leafValue: Float64Array;
}

/** Undefined when a tree is deeper than MAX_DEPTH or a threshold is NaN (thresholds without an order). */
export function treeLayout(trees: readonly Tree[]): TreeLayout | undefined {
  for (let depth = BATCH_DEPTH; depth <= MAX_DEPTH; depth++) {
    const layout = layoutAt(trees, depth);
    if (layout !== "deeper") return layout;
  }
  return undefined;
}

function layoutAt(trees: readonly Tree[], depth: number): TreeLayout | undefined | "deeper" {
  const leaves = 1 << depth;
  const tests = leaves - 1;
  const capacity = trees.length * tests;
  const nodeFeature = new Int32Array(capacity);
  const nodeThreshold = new Float64Array(capacity);
  const nodePosition = new Int32Array(capacity);
  const leafValue = new Float64Array(trees.length * leaves);
  // owner[p]: the tree's own node at heap position p, or the leaf above p when the tree stops earlier.
  const owner = new Int32Array(2 * leaves - 1);
  let nodes = 0;
  let features = 0;
  for (let t = 0; t < trees.length; t++) {
    const { f, v } = trees[t] as Tree;
    for (let p = 0; p < 2 * leaves - 1; p++) {
      const parent = (p - 1) >> 1;
      const own = p === 0 || (owner[parent] === parent && (f[parent] as number) >= 0);
      const o = own ? p : (owner[parent] as number);
      owner[p] = o;
      const feature = f[p] as number;
      if (own && feature >= 0) {
        if (p >= tests) return "deeper";
        const threshold = v[p] as number;
        if (Number.isNaN(threshold)) return undefined;
        nodeFeature[nodes] = feature;
        nodeThreshold[nodes] = threshold;
        nodePosition[nodes] = t * tests + p;
        if (feature >= features) features = feature + 1;
        nodes++;
      } else if (p >= tests) {
        leafValue[t * leaves + p - tests] = v[o] as number;
      }
    }
  }

  // Each feature's thresholds, gathered by a counting sort, sorted and made distinct, are its groups.
  const start = new Int32Array(features + 1);
  for (let k = 0; k < nodes; k++) {
    const f = nodeFeature[k] as number;
    start[f + 1] = (start[f + 1] as number) + 1;
  }
  for (let f = 0; f < features; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const next = start.slice(0, features);
  const sorted = new Float64Array(nodes);
  for (let k = 0; k < nodes; k++) {
    const f = nodeFeature[k] as number;
    sorted[next[f] as number] = nodeThreshold[k] as number;
    next[f] = (next[f] as number) + 1;
  }
  const featureGroup = new Int32Array(features + 1);
  const slotOf: Map<number, number>[] = [];
  let groups = 0;
  for (let f = 0; f < features; f++) {
    const end = start[f + 1] as number;
    sorted.subarray(start[f], end).sort();
    featureGroup[f] = groups;
    const slots = new Map<number, number>();
    for (let k = start[f] as number; k < end; k++) {
      const threshold = sorted[k] as number;
      // -0 and 0 sort apart but are equal, and one key of a Map: one group.
      if (groups === featureGroup[f] || threshold !== sorted[groups - 1]) {
        slots.set(threshold, groups + f + 1);
        sorted[groups++] = threshold;
      }
    }
    slotOf.push(slots);
  }
  featureGroup[features] = groups;
  const nodeSlot = new Int32Array(capacity);
  for (let k = 0; k < nodes; k++) {
    const slots = slotOf[nodeFeature[k] as number] as Map<number, number>;
    nodeSlot[nodePosition[k] as number] = slots.get(nodeThreshold[k] as number) as number;
  }
  return {
    depth,
    trees: trees.length,
    featureGroup,
    groupThreshold: sorted.slice(0, groups),
    nodeSlot,
    leafValue,
  };
}
