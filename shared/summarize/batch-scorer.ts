/**
 * Scoring up to 32 rows at once, one bit per row. QuickScorer (quick-scorer.ts) spends most of a row's time
 * clearing leaf bits, node by node; with a whole chunk of rows in hand, every node's test is one word instead:
 * the rows that pass it. A value's first passed threshold marks the row in that threshold's group word, and an
 * OR along the feature's rising thresholds gives every group the rows below it. Each tree then pushes the
 * chunk's word down from its root (passing rows go left) to its leaves, and each leaf's value is added to the
 * rows whose bit reaches it. Trees are visited in order, so every row adds the same leaf values in the same
 * order as alone: the sums are bit-identical.
 */
import type { TreeLayout } from "./tree-layout";

/** Byte b's bit k moved to bit 4k: eight rows' bits of one level, one per nibble. */
const SPREAD = Int32Array.from({ length: 256 }, (_, b) => {
  let x = b;
  x = (x | (x << 12)) & 0x000f000f;
  x = (x | (x << 6)) & 0x03030303;
  return (x | (x << 3)) & 0x11111111;
});

/** Rows per chunk: one bit each in an int32. */
export const CHUNK = 32;

export interface BatchScratch {
  /** The chunk's rows that pass each test, one word per slot of TreeLayout.nodeSlot. */
  groupPass: Int32Array;
}

export function batchScratch(layout: TreeLayout): BatchScratch {
  return {
    groupPass: new Int32Array(layout.groupThreshold.length + layout.featureGroup.length),
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
  markPasses(layout, scratch.groupPass, rows, start, count);
  addLeaves(layout, scratch.groupPass, start, count, sums);
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
  for (let i = 0; i < count; i++) {
    const row = rows[start + i] as Float64Array;
    const bit = 1 << i;
    for (let f = 0; f < features; f++) {
      const x = row[f] as number;
      // Binary search for the first threshold the value is below (NaN is below none, as in the walk), in steps
      // set by the group count alone and without branching on the comparisons, whose outcomes are random.
      let g = featureGroup[f] as number;
      let len = (featureGroup[f + 1] as number) - g;
      if (len === 0) continue;
      while (len > 1) {
        const half = len >> 1;
        g += half & (Number(x < (groupThreshold[g + half - 1] as number)) - 1);
        len -= half;
      }
      g += 1 - Number(x < (groupThreshold[g] as number));
      groupPass[g + f + 1] = (groupPass[g + f + 1] as number) | bit;
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

/** Pushes the chunk's rows down every tree, in order, and adds each row's leaf value to its sum. */
function addLeaves(
  layout: TreeLayout,
  groupPass: Int32Array,
  start: number,
  count: number,
  sums: Float64Array,
): void {
  const { nodeSlot, leafValue } = layout;
  const chunk = count === 32 ? -1 : ~(-1 << count);
  const trees = layout.trees;
  for (let t = 0; t < trees; t++) {
    // The tree's 15 tests, level by level: the rows each node receives, and the rows that go right at each level.
    const b = t * 15;
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
    const base = t * 16;
    for (let i = 0; i < count; i += 8) {
      let nibbles =
        ((SPREAD[(r0 >>> i) & 255] as number) << 3) |
        ((SPREAD[(r1 >>> i) & 255] as number) << 2) |
        ((SPREAD[(r2 >>> i) & 255] as number) << 1) |
        (SPREAD[(r3 >>> i) & 255] as number);
      for (let k = start + i, stop = start + Math.min(i + 8, count); k < stop; k++) {
        sums[k] = (sums[k] as number) + (leafValue[base + (nibbles & 15)] as number);
        nibbles >>>= 4;
      }
    }
  }
}
