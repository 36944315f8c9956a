/**
 * The tree ensemble as trained and committed (weights.json), and its plain reading: the reference the batch
 * scorer (batch-scorer.ts) must match bit for bit, and the scorer of trees too deep for it.
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

/** `initial` plus every tree's leaf value for `features`, added in tree order. */
export function walkSum(trees: readonly Tree[], features: Float64Array, initial: number): number {
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
