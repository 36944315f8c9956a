/**
 * Evaluating the scorer's tree ensemble. Walking each tree takes an unpredictable branch at every node, which
 * made scoring the largest single cost of a summary. Ensembles of trees no deeper than BATCH_DEPTH (the
 * trainer's default, and the committed trees) are laid out once (tree-layout.ts) and scored a whole article's
 * rows at a time by the batch scorer (batch-scorer.ts); deeper trees take the walk (tree.ts). Both add the same
 * leaf values in the same tree order, so scores are bit-identical whichever runs.
 */
import { addChunk, type BatchScratch, batchScratch, CHUNK } from "./batch-scorer";
import { type Tree, walkSum } from "./tree";
import { BATCH_DEPTH, type TreeLayout, treeLayout } from "./tree-layout";

export type { Tree, TreeEnsemble } from "./tree";

interface Compiled {
  layout: TreeLayout;
  batch: BatchScratch;
}

/** Keyed by the trees array, which copies of a model with other lead or redundancy settings share. */
const compiled = new WeakMap<readonly Tree[], Compiled | null>();

/** Trees are laid out on their first use: an ensemble is not changed once it has scored. */
function compiledOf(trees: readonly Tree[]): Compiled | null {
  let c = compiled.get(trees);
  if (c === undefined) {
    const layout = treeLayout(trees, BATCH_DEPTH);
    c = layout ? { layout, batch: batchScratch(layout) } : null;
    compiled.set(trees, c);
  }
  return c;
}

/**
 * Each row's `initial` plus every tree's leaf value for the row, added in tree order: the walk's sum bit for bit,
 * for a fraction of its work when rows come by the article. A single row is a batch of one.
 */
export function treeSums(
  trees: readonly Tree[],
  rows: readonly Float64Array[],
  initial: ArrayLike<number>,
): Float64Array {
  const sums = Float64Array.from(initial);
  const c = compiledOf(trees);
  if (!c) {
    for (let i = 0; i < rows.length; i++) {
      sums[i] = walkSum(trees, rows[i] as Float64Array, sums[i] as number);
    }
    return sums;
  }
  for (let start = 0; start < rows.length; start += CHUNK) {
    addChunk(c.layout, c.batch, rows, start, Math.min(CHUNK, rows.length - start), sums);
  }
  return sums;
}
