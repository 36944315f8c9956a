/**
 * Evaluating the scorer's tree ensemble. Walking each tree takes an unpredictable branch at every node, which
 * made scoring the largest single cost of a summary. Ensembles of shallow trees (all the trained ones) are laid
 * out once (tree-layout.ts) and scored a whole article's rows at a time by the batch scorer (batch-scorer.ts),
 * or one row at a time by QuickScorer (quick-scorer.ts) where rows come alone. Deeper trees take the walk. All
 * add the same leaf values in the same tree order, so scores are bit-identical whichever runs.
 */
import { addChunk, type BatchScratch, batchScratch, CHUNK } from "./batch-scorer";
import { type QuickTables, quickSum, quickTables } from "./quick-scorer";
import { type Tree, walkSum } from "./tree";
import { BATCH_DEPTH, type TreeLayout, treeLayout } from "./tree-layout";

export type { Tree, TreeEnsemble } from "./tree";

interface Compiled {
  layout: TreeLayout;
  /** Each built on first need: summaries score in batches only, tooling may score row by row. */
  batch?: BatchScratch;
  quick?: QuickTables;
}

/** Keyed by the trees array, which copies of a model with other lead or redundancy settings share. */
const compiled = new WeakMap<readonly Tree[], Compiled | null>();

/** Trees are laid out on their first use: an ensemble is not changed once it has scored. */
function compiledOf(trees: readonly Tree[]): Compiled | null {
  let c = compiled.get(trees);
  if (c === undefined) {
    const layout = treeLayout(trees);
    c = layout ? { layout } : null;
    compiled.set(trees, c);
  }
  return c;
}

function rowSum(trees: readonly Tree[], c: Compiled | null, row: Float64Array, initial: number) {
  if (!c) return walkSum(trees, row, initial);
  c.quick ??= quickTables(c.layout);
  return quickSum(c.layout, c.quick, row, initial);
}

/** `initial` plus every tree's leaf value for `features`, added in tree order. */
export function treeSum(trees: readonly Tree[], features: Float64Array, initial: number): number {
  return rowSum(trees, compiledOf(trees), features, initial);
}

/**
 * treeSum of every row from its own initial value, the same numbers bit for bit, for a fraction of the work
 * when rows come by the article.
 */
export function treeSums(
  trees: readonly Tree[],
  rows: readonly Float64Array[],
  initial: ArrayLike<number>,
): Float64Array {
  const sums = Float64Array.from(initial);
  const c = compiledOf(trees);
  if (c && c.layout.depth === BATCH_DEPTH) {
    c.batch ??= batchScratch(c.layout);
    // Even a chunk of a few rows: the single-row scorer would save little on them and cost its own compile
    // and warm-up on the first articles of a run.
    for (let start = 0; start < rows.length; start += CHUNK) {
      addChunk(c.layout, c.batch, rows, start, Math.min(CHUNK, rows.length - start), sums);
    }
    return sums;
  }
  for (let i = 0; i < rows.length; i++) {
    sums[i] = rowSum(trees, c, rows[i] as Float64Array, sums[i] as number);
  }
  return sums;
}
