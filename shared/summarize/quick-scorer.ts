/**
 * Scoring one row with QuickScorer (Lucchese et al., SIGIR 2015): each feature's nodes are visited in threshold
 * order up to the first test the value passes, every failed test clears the leaves it rules out in its tree's
 * leaf bitmask, and each tree's exit leaf is then its lowest bit left. It adds the same leaf values in the same
 * tree order as walking each tree, so sums are bit-identical. Used where rows come one at a time (tooling) and
 * for trees deeper than the batch scorer's.
 */
import type { TreeLayout } from "./tree-layout";

export interface QuickTables {
  /** Group g's nodes are groupStart[g] ..< groupStart[g + 1] (a feature's groups are contiguous). */
  groupStart: Int32Array;
  tree: Int32Array;
  /** The tree's leaf mask with the node's left subtree cleared: what failing its test rules out. */
  mask: Int32Array;
  /** Scratch: one mask per tree, reset for every row. */
  masks: Int32Array;
}

/** The layout's nodes ordered by group (a counting sort), each with its tree and the leaves its failure clears. */
export function quickTables(layout: TreeLayout): QuickTables {
  const { depth, featureGroup, nodeSlot } = layout;
  const leaves = 1 << depth;
  const tests = leaves - 1;
  const all = leaves === 32 ? -1 : (1 << leaves) - 1;
  const features = featureGroup.length - 1;
  const groups = featureGroup[features] as number;
  const groupOfSlot = new Int32Array(groups + features + 1).fill(-1);
  for (let f = 0; f < features; f++) {
    for (let g = featureGroup[f] as number; g < (featureGroup[f + 1] as number); g++) {
      groupOfSlot[g + f + 1] = g;
    }
  }
  const groupStart = new Int32Array(groups + 1);
  for (const slot of nodeSlot) {
    const g = groupOfSlot[slot] as number;
    if (g >= 0) groupStart[g + 1] = (groupStart[g + 1] as number) + 1;
  }
  for (let g = 0; g < groups; g++) {
    groupStart[g + 1] = (groupStart[g + 1] as number) + (groupStart[g] as number);
  }
  const next = groupStart.slice(0, groups);
  const nodes = groupStart[groups] as number;
  const tree = new Int32Array(nodes);
  const mask = new Int32Array(nodes);
  for (let k = 0; k < nodeSlot.length; k++) {
    const g = groupOfSlot[nodeSlot[k] as number] as number;
    if (g < 0) continue;
    const p = k % tests;
    const level = 31 - Math.clz32(p + 1);
    const span = leaves >> level;
    const leftLeaves = ((1 << (span >> 1)) - 1) << ((p + 1 - (1 << level)) * span);
    const at = next[g] as number;
    next[g] = at + 1;
    tree[at] = (k - p) / tests;
    mask[at] = all & ~leftLeaves;
  }
  return { groupStart, tree, mask, masks: new Int32Array(layout.trees) };
}

/** One row: `initial` plus every tree's exit leaf value, in tree order. */
export function quickSum(
  layout: TreeLayout,
  q: QuickTables,
  features: Float64Array,
  initial: number,
): number {
  const { featureGroup, groupThreshold, leafValue, depth } = layout;
  const { groupStart, tree, mask, masks } = q;
  masks.fill(-1);
  for (let f = 0, count = featureGroup.length - 1; f < count; f++) {
    const x = features[f] as number;
    const first = featureGroup[f] as number;
    const end = featureGroup[f + 1] as number;
    // Failed tests: the value is not below the threshold (NaN fails every test, as in the walk).
    let g = first;
    while (g < end && !(x < (groupThreshold[g] as number))) g++;
    for (let k = groupStart[first] as number, stop = groupStart[g] as number; k < stop; k++) {
      const t = tree[k] as number;
      masks[t] = (masks[t] as number) & (mask[k] as number);
    }
  }
  let z = initial;
  for (let t = 0, base = 0; t < masks.length; t++, base += 1 << depth) {
    const m = masks[t] as number;
    z += leafValue[base + 31 - Math.clz32(m & -m)] as number;
  }
  return z;
}
