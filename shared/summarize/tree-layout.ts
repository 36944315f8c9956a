/**
 * A tree ensemble laid out for the batch scorer (batch-scorer.ts). Trained trees split on a few quantiles per
 * feature, so many nodes share a threshold: each feature's distinct thresholds, sorted, are its groups, and a
 * row's value is compared with each group once, whatever the number of nodes testing it.
 *
 * Laying out runs once per process, on the first article, while V8 still interprets: it sticks to typed arrays,
 * a counting sort, the native numeric sort of typed arrays and a Map rather than node objects and a comparator.
 */
import type { Tree } from "./tree";

/**
 * The depth the batch scorer is written for: the trainer's default, and the depth of the committed trees.
 * Shallower trees are padded to it; deeper ones are not laid out and take the walk.
 */
export const BATCH_DEPTH = 4;

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

/**
 * The trees laid out at `depth`. Undefined when a tree is deeper or a threshold is NaN (thresholds without an
 * order).
 */
export function treeLayout(trees: readonly Tree[], depth: number): TreeLayout | undefined {
  const nodes = collectNodes(trees, depth);
  if (!nodes) return undefined;
  const { featureGroup, groupThreshold, slotOf } = groupThresholds(nodes);
  const nodeSlot = new Int32Array(trees.length * ((1 << depth) - 1));
  for (let k = 0; k < nodes.count; k++) {
    const slots = slotOf[nodes.feature[k] as number] as Map<number, number>;
    nodeSlot[nodes.position[k] as number] = slots.get(nodes.threshold[k] as number) as number;
  }
  return {
    depth,
    trees: trees.length,
    featureGroup,
    groupThreshold,
    nodeSlot,
    leafValue: nodes.leafValue,
  };
}

/** The trees' tests, in tree and heap order, and their leaves padded to full depth. */
interface Nodes {
  count: number;
  /** One more than the highest feature tested. */
  features: number;
  feature: Int32Array;
  threshold: Float64Array;
  /** The test's place in TreeLayout.nodeSlot: t × (2^depth - 1) + heap position. */
  position: Int32Array;
  leafValue: Float64Array;
}

/** Undefined when a tree is deeper than `depth` or a threshold is NaN. */
function collectNodes(trees: readonly Tree[], depth: number): Nodes | undefined {
  const leaves = 1 << depth;
  const tests = leaves - 1;
  const capacity = trees.length * tests;
  const feature = new Int32Array(capacity);
  const threshold = new Float64Array(capacity);
  const position = new Int32Array(capacity);
  const leafValue = new Float64Array(trees.length * leaves);
  // owner[p]: the tree's own node at heap position p, or the leaf above p when the tree stops earlier.
  const owner = new Int32Array(2 * leaves - 1);
  let count = 0;
  let features = 0;
  for (let t = 0; t < trees.length; t++) {
    const { f, v } = trees[t] as Tree;
    for (let p = 0; p < 2 * leaves - 1; p++) {
      const parent = (p - 1) >> 1;
      const own = p === 0 || (owner[parent] === parent && (f[parent] as number) >= 0);
      const o = own ? p : (owner[parent] as number);
      owner[p] = o;
      const tested = f[p] as number;
      if (own && tested >= 0) {
        if (p >= tests) return undefined;
        const value = v[p] as number;
        if (Number.isNaN(value)) return undefined;
        feature[count] = tested;
        threshold[count] = value;
        position[count] = t * tests + p;
        if (tested >= features) features = tested + 1;
        count++;
      } else if (p >= tests) {
        leafValue[t * leaves + p - tests] = v[o] as number;
      }
    }
  }
  return { count, features, feature, threshold, position, leafValue };
}

interface Groups {
  featureGroup: Int32Array;
  groupThreshold: Float64Array;
  /** Feature f's distinct thresholds, each with its slot. */
  slotOf: Map<number, number>[];
}

/**
 * Each feature's thresholds, gathered by a counting sort, sorted and made distinct: its groups, and the slot
 * (TreeLayout.nodeSlot) of each distinct threshold.
 */
function groupThresholds(nodes: Nodes): Groups {
  const { count, features, feature, threshold } = nodes;
  const start = new Int32Array(features + 1);
  for (let k = 0; k < count; k++) {
    const f = feature[k] as number;
    start[f + 1] = (start[f + 1] as number) + 1;
  }
  for (let f = 0; f < features; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const next = start.slice(0, features);
  const sorted = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const f = feature[k] as number;
    sorted[next[f] as number] = threshold[k] as number;
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
      const value = sorted[k] as number;
      // -0 and 0 sort apart but are equal, and one key of a Map: one group.
      if (groups === featureGroup[f] || value !== sorted[groups - 1]) {
        slots.set(value, groups + f + 1);
        sorted[groups++] = value;
      }
    }
    slotOf.push(slots);
  }
  featureGroup[features] = groups;
  return { featureGroup, groupThreshold: sorted.slice(0, groups), slotOf };
}
