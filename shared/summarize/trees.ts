/**
 * Evaluating the scorer's tree ensemble. Walking each tree takes an unpredictable branch at every node, which
 * made scoring the largest single cost of a summary. Ensembles of shallow trees (all the trained ones) are
 * scored with QuickScorer (Lucchese et al., SIGIR 2015) instead: each feature's nodes are visited in threshold
 * order up to the first test the value passes, every failed test clears the leaves it rules out in its tree's
 * leaf bitmask, and each tree's exit leaf is then its lowest bit left. Deeper trees take the walk. Both add the
 * same leaf values in the same tree order, so scores are bit-identical either way.
 */

/**
 * One tree in heap layout: node i has children 2i+1 (taken when the feature's value < v[i]) and 2i+2.
 * f[i] is the feature index, or -1 for a leaf whose score is v[i].
 */
export interface Tree {
  f: number[];
  v: number[];
}

export interface TreeEnsemble {
  base: number;
  trees: Tree[];
}

/** 2^5 leaves: one 32-bit mask per tree. */
const MAX_QUICK_DEPTH = 5;

interface QuickEnsemble {
  /** Leaves per tree (2^depth of the deepest tree). */
  leaves: number;
  /**
   * Feature f's distinct thresholds, rising, are groupThreshold[featureGroup[f] ..< featureGroup[f + 1]]. Trained
   * trees split on a few quantiles per feature, so many nodes share a threshold: one test serves them all.
   */
  featureGroup: Int32Array;
  groupThreshold: Float64Array;
  /** Group g's nodes are groupStart[g] ..< groupStart[g + 1] (a feature's groups are contiguous). */
  groupStart: Int32Array;
  tree: Int32Array;
  /** The tree's leaf mask with the node's left subtree cleared: what failing its test rules out. */
  mask: Int32Array;
  /** Tree t's leaf l (left to right at full depth) scores leafValue[t × leaves + l]. */
  leafValue: Float64Array;
  /** Scratch: one mask per tree, reset for every row. */
  masks: Int32Array;
}

interface TreeNode {
  feature: number;
  threshold: number;
  tree: number;
  mask: number;
}

function depthOf(tree: Tree, node = 0): number {
  if (!((tree.f[node] as number) >= 0)) return 0;
  return 1 + Math.max(depthOf(tree, 2 * node + 1), depthOf(tree, 2 * node + 2));
}

function quickEnsemble(trees: readonly Tree[]): QuickEnsemble | undefined {
  const depth = trees.reduce((max, tree) => Math.max(max, depthOf(tree)), 0);
  if (depth > MAX_QUICK_DEPTH) return undefined;
  const leaves = 1 << depth;
  const all = leaves === 32 ? -1 : (1 << leaves) - 1;
  const nodes: TreeNode[] = [];
  const leafValue = new Float64Array(trees.length * leaves);
  trees.forEach((tree, t) => {
    // `position`: the node's index among the nodes of its depth, so its leaves are a contiguous run.
    const visit = (node: number, level: number, position: number) => {
      const span = 1 << (depth - level);
      const first = position * span;
      const feature = tree.f[node] as number;
      if (!(feature >= 0)) {
        leafValue.fill(tree.v[node] as number, t * leaves + first, t * leaves + first + span);
        return;
      }
      const leftLeaves = ((1 << (span >> 1)) - 1) << first;
      nodes.push({ feature, threshold: tree.v[node] as number, tree: t, mask: all & ~leftLeaves });
      visit(2 * node + 1, level + 1, 2 * position);
      visit(2 * node + 2, level + 1, 2 * position + 1);
    };
    visit(0, 0, 0);
  });
  // Visiting by rising threshold stops at the first passed test only if thresholds are ordered numbers.
  if (nodes.some((node) => Number.isNaN(node.threshold))) return undefined;
  nodes.sort((a, b) => a.feature - b.feature || a.threshold - b.threshold);
  const features = nodes.reduce((max, node) => Math.max(max, node.feature + 1), 0);
  const featureGroup = new Int32Array(features + 1);
  const groupThreshold: number[] = [];
  const groupStart: number[] = [];
  nodes.forEach((node, k) => {
    const previous = nodes[k - 1];
    if (previous?.feature === node.feature && previous.threshold === node.threshold) return;
    for (let f = previous ? previous.feature + 1 : 0; f <= node.feature; f++) {
      featureGroup[f] = groupThreshold.length;
    }
    groupThreshold.push(node.threshold);
    groupStart.push(k);
  });
  featureGroup.fill(groupThreshold.length, (nodes[nodes.length - 1]?.feature ?? -1) + 1);
  groupStart.push(nodes.length);
  return {
    leaves,
    featureGroup,
    groupThreshold: Float64Array.from(groupThreshold),
    groupStart: Int32Array.from(groupStart),
    tree: Int32Array.from(nodes, (node) => node.tree),
    mask: Int32Array.from(nodes, (node) => node.mask),
    leafValue,
    masks: new Int32Array(trees.length),
  };
}

function quickSum(e: QuickEnsemble, features: Float64Array, initial: number): number {
  const { featureGroup, groupThreshold, groupStart, tree, mask, masks, leafValue, leaves } = e;
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
  for (let t = 0, base = 0; t < masks.length; t++, base += leaves) {
    const m = masks[t] as number;
    z += leafValue[base + 31 - Math.clz32(m & -m)] as number;
  }
  return z;
}

function walkSum(trees: readonly Tree[], features: Float64Array, initial: number): number {
  let z = initial;
  for (const tree of trees) {
    let node = 0;
    let feature = tree.f[node] as number;
    while (feature >= 0) {
      node = (features[feature] as number) < (tree.v[node] as number) ? 2 * node + 1 : 2 * node + 2;
      feature = tree.f[node] as number;
    }
    z += tree.v[node] as number;
  }
  return z;
}

/** Keyed by the trees array, which copies of a model with other lead or redundancy settings share. */
const compiled = new WeakMap<readonly Tree[], QuickEnsemble | null>();

/**
 * `initial` plus every tree's leaf value for `features`, added in tree order. Trees are compiled on their first
 * use: an ensemble is not changed once it has scored.
 */
export function treeSum(trees: readonly Tree[], features: Float64Array, initial: number): number {
  let quick = compiled.get(trees);
  if (quick === undefined) {
    quick = quickEnsemble(trees) ?? null;
    compiled.set(trees, quick);
  }
  return quick ? quickSum(quick, features, initial) : walkSum(trees, features, initial);
}
