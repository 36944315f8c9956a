/**
 * Scoring up to 32 rows at once, one bit per row, for layouts of depth BATCH_DEPTH. Scored one by one, a row
 * spends its time on a branch per node whose outcome is random; with a whole chunk of rows in hand, every
 * node's test is one word instead: the rows that pass it. A value's first passed threshold marks the row in
 * that threshold's group word, and an OR along the feature's rising thresholds gives every group the rows below
 * it. Each tree then pushes the chunk's word down from its root (passing rows go left), which gives each row's
 * leaf, and every row adds its leaf values tree by tree, in tree order from its own initial value, as it would
 * alone: the sums are bit-identical.
 */
import { BATCH_DEPTH, type TreeLayout } from "./tree-layout";

/** Tests and leaves of a tree padded to BATCH_DEPTH. */
const TESTS = (1 << BATCH_DEPTH) - 1;
const LEAVES = 1 << BATCH_DEPTH;

/**
 * A leaf's index takes BATCH_DEPTH = 4 bits, a nibble: findLeaves walks the tree's four levels unrolled and
 * packs eight rows' leaves into one int32 (SPREAD), and addLeaves reads them back as eight nibbles. Another depth
 * needs those three rewritten, not only the constants.
 */
if (BATCH_DEPTH !== 4) {
  throw new Error(
    `batch-scorer.ts packs leaf indices in nibbles: it is written for depth 4, not ${BATCH_DEPTH}`,
  );
}
/** Rows whose leaves one int32 holds, a nibble each. */
const ROWS_PER_WORD = 8;

/** Byte b's bit k moved to bit 4k: eight rows' bits of one level, one per nibble. */
const SPREAD = Int32Array.from({ length: 256 }, (_, b) => {
  let x = b;
  x = (x | (x << 12)) & 0x000f000f;
  x = (x | (x << 6)) & 0x03030303;
  return (x | (x << 3)) & 0x11111111;
});

/** Rows per chunk: one bit each in an int32. */
export const CHUNK = 32;
/** Words of leaves per tree and chunk. */
const LEAF_WORDS = CHUNK / ROWS_PER_WORD;

/** The word with a bit set for each of the chunk's `count` rows (a shift by 32 would shift by 0). */
function rowsMask(count: number): number {
  return count === CHUNK ? -1 : ~(-1 << count);
}

/** A programming error: treeSums hands the batch scorer only layouts of BATCH_DEPTH. */
function checkDepth(layout: TreeLayout): void {
  if (layout.depth !== BATCH_DEPTH) {
    throw new Error(
      `The batch scorer takes trees laid out at depth ${BATCH_DEPTH}, not ${layout.depth}`,
    );
  }
}

export interface BatchScratch {
  /** The chunk's rows that pass each test, one word per slot of TreeLayout.nodeSlot. */
  groupPass: Int32Array;
  /** Tree t's leaf for rows 8j ..< 8j + 8 of the chunk, a nibble each: leaves[t × LEAF_WORDS + j]. */
  leaves: Int32Array;
  /** The chunk's running sums (addLeaves works by eights, past a chunk's last row, up to CHUNK). */
  sums: Float64Array;
}

export function batchScratch(layout: TreeLayout): BatchScratch {
  checkDepth(layout);
  return {
    groupPass: new Int32Array(layout.groupThreshold.length + layout.featureGroup.length),
    leaves: new Int32Array(layout.trees * LEAF_WORDS),
    sums: new Float64Array(CHUNK),
  };
}

/**
 * Adds every tree's leaf value, in tree order, to sums[start + i] for rows[start + i], 0 <= i < count <= CHUNK.
 */
export function addChunk(
  layout: TreeLayout,
  scratch: BatchScratch,
  rows: readonly Float64Array[],
  start: number,
  count: number,
  sums: Float64Array,
): void {
  checkDepth(layout);
  markPasses(layout, scratch.groupPass, rows, start, count);
  findLeaves(layout, scratch.groupPass, scratch.leaves, count);
  const chunkSums = scratch.sums;
  for (let i = 0; i < count; i++) chunkSums[i] = sums[start + i] as number;
  addLeaves(layout, scratch.leaves, chunkSums, count);
  for (let i = 0; i < count; i++) sums[start + i] = chunkSums[i] as number;
}

/** Sets bit i of each group's word when row start + i passes that group's test. */
function markPasses(
  layout: TreeLayout,
  groupPass: Int32Array,
  rows: readonly Float64Array[],
  start: number,
  count: number,
): void {
  const { featureGroup, groupThreshold } = layout;
  const features = featureGroup.length - 1;
  groupPass.fill(0);
  groupPass[0] = -1;
  const chunk = rowsMask(count);
  // Rows past the chunk's end search for its last row again, and set no bit.
  const last = start + count - 1;
  for (let f = 0; f < features; f++) {
    const first = featureGroup[f] as number;
    const groups = (featureGroup[f + 1] as number) - first;
    if (groups === 0) continue;
    // Feature by feature, four rows at a time: the searches take the same steps, and four of them overlap.
    for (let i = 0; i < count; i += 4) {
      const x0 = (rows[start + i] as Float64Array)[f] as number;
      const x1 = (rows[Math.min(start + i + 1, last)] as Float64Array)[f] as number;
      const x2 = (rows[Math.min(start + i + 2, last)] as Float64Array)[f] as number;
      const x3 = (rows[Math.min(start + i + 3, last)] as Float64Array)[f] as number;
      // Binary search for the first threshold each value is below (NaN is below none, as in the walk), without
      // branching on the comparisons, whose outcomes are random.
      let g0 = first;
      let g1 = first;
      let g2 = first;
      let g3 = first;
      let len = groups;
      while (len > 1) {
        const half = len >> 1;
        g0 += half & (Number(x0 < (groupThreshold[g0 + half - 1] as number)) - 1);
        g1 += half & (Number(x1 < (groupThreshold[g1 + half - 1] as number)) - 1);
        g2 += half & (Number(x2 < (groupThreshold[g2 + half - 1] as number)) - 1);
        g3 += half & (Number(x3 < (groupThreshold[g3 + half - 1] as number)) - 1);
        len -= half;
      }
      g0 += 1 - Number(x0 < (groupThreshold[g0] as number));
      g1 += 1 - Number(x1 < (groupThreshold[g1] as number));
      g2 += 1 - Number(x2 < (groupThreshold[g2] as number));
      g3 += 1 - Number(x3 < (groupThreshold[g3] as number));
      const slot = f + 1;
      groupPass[g0 + slot] = (groupPass[g0 + slot] as number) | (1 << i);
      groupPass[g1 + slot] = (groupPass[g1 + slot] as number) | ((2 << i) & chunk);
      groupPass[g2 + slot] = (groupPass[g2 + slot] as number) | ((4 << i) & chunk);
      groupPass[g3 + slot] = (groupPass[g3 + slot] as number) | ((8 << i) & chunk);
    }
  }
  // A row below a threshold is below every higher one of its feature.
  for (let f = 0; f < features; f++) {
    const last = (featureGroup[f + 1] as number) + f;
    for (let g = (featureGroup[f] as number) + f + 2; g <= last; g++) {
      groupPass[g] = (groupPass[g] as number) | (groupPass[g - 1] as number);
    }
  }
}

/** Pushes the chunk's rows down every tree and writes down each row's leaf. */
function findLeaves(layout: TreeLayout, groupPass: Int32Array, leaves: Int32Array, count: number) {
  const { nodeSlot } = layout;
  const chunk = rowsMask(count);
  const trees = layout.trees;
  for (let t = 0; t < trees; t++) {
    // The tree's TESTS nodes, level by level: the rows each node receives, and the rows going right per level.
    const b = t * TESTS;
    const p0 = groupPass[nodeSlot[b] as number] as number;
    const n1 = chunk & p0;
    const n2 = chunk & ~p0;
    const p1 = groupPass[nodeSlot[b + 1] as number] as number;
    const p2 = groupPass[nodeSlot[b + 2] as number] as number;
    const n3 = n1 & p1;
    const n4 = n1 & ~p1;
    const n5 = n2 & p2;
    const n6 = n2 & ~p2;
    const p3 = groupPass[nodeSlot[b + 3] as number] as number;
    const p4 = groupPass[nodeSlot[b + 4] as number] as number;
    const p5 = groupPass[nodeSlot[b + 5] as number] as number;
    const p6 = groupPass[nodeSlot[b + 6] as number] as number;
    const n7 = n3 & p3;
    const n8 = n3 & ~p3;
    const n9 = n4 & p4;
    const n10 = n4 & ~p4;
    const n11 = n5 & p5;
    const n12 = n5 & ~p5;
    const n13 = n6 & p6;
    const n14 = n6 & ~p6;
    const r0 = n2;
    const r1 = n4 | n6;
    const r2 = n8 | n10 | n12 | n14;
    const r3 =
      (n7 & ~(groupPass[nodeSlot[b + 7] as number] as number)) |
      (n8 & ~(groupPass[nodeSlot[b + 8] as number] as number)) |
      (n9 & ~(groupPass[nodeSlot[b + 9] as number] as number)) |
      (n10 & ~(groupPass[nodeSlot[b + 10] as number] as number)) |
      (n11 & ~(groupPass[nodeSlot[b + 11] as number] as number)) |
      (n12 & ~(groupPass[nodeSlot[b + 12] as number] as number)) |
      (n13 & ~(groupPass[nodeSlot[b + 13] as number] as number)) |
      (n14 & ~(groupPass[nodeSlot[b + 14] as number] as number));
    // Row i's leaf is bit i of r0..r3: spread eight rows at a time into the nibbles of one word.
    for (let i = 0, at = t * LEAF_WORDS; i < count; i += ROWS_PER_WORD, at++) {
      leaves[at] =
        ((SPREAD[(r0 >>> i) & 255] as number) << 3) |
        ((SPREAD[(r1 >>> i) & 255] as number) << 2) |
        ((SPREAD[(r2 >>> i) & 255] as number) << 1) |
        (SPREAD[(r3 >>> i) & 255] as number);
    }
  }
}

/**
 * Adds each row's leaf values, tree by tree, eight rows at a time (the eight nibbles of a word of leaves):
 * eight running sums in registers instead of one sum stored and loaded again for every tree.
 */
function addLeaves(layout: TreeLayout, leaves: Int32Array, sums: Float64Array, count: number) {
  const { leafValue, trees } = layout;
  for (let i = 0, j = 0; i < count; i += ROWS_PER_WORD, j++) {
    let s0 = sums[i] as number;
    let s1 = sums[i + 1] as number;
    let s2 = sums[i + 2] as number;
    let s3 = sums[i + 3] as number;
    let s4 = sums[i + 4] as number;
    let s5 = sums[i + 5] as number;
    let s6 = sums[i + 6] as number;
    let s7 = sums[i + 7] as number;
    for (let t = 0, at = j, base = 0; t < trees; t++, at += LEAF_WORDS, base += LEAVES) {
      const w = leaves[at] as number;
      s0 += leafValue[base + (w & 15)] as number;
      s1 += leafValue[base + ((w >>> 4) & 15)] as number;
      s2 += leafValue[base + ((w >>> 8) & 15)] as number;
      s3 += leafValue[base + ((w >>> 12) & 15)] as number;
      s4 += leafValue[base + ((w >>> 16) & 15)] as number;
      s5 += leafValue[base + ((w >>> 20) & 15)] as number;
      s6 += leafValue[base + ((w >>> 24) & 15)] as number;
      s7 += leafValue[base + (w >>> 28)] as number;
    }
    sums[i] = s0;
    sums[i + 1] = s1;
    sums[i + 2] = s2;
    sums[i + 3] = s3;
    sums[i + 4] = s4;
    sums[i + 5] = s5;
    sums[i + 6] = s6;
    sums[i + 7] = s7;
  }
}
