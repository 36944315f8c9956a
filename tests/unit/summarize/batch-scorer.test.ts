import { describe, expect, it } from "vitest";
import { addChunk, batchScratch } from "../../../shared/summarize/batch-scorer";
import type { Tree } from "../../../shared/summarize/tree";
import { BATCH_DEPTH, treeLayout } from "../../../shared/summarize/tree-layout";

describe("batch scorer", () => {
  it("should refuse a layout of another depth than BATCH_DEPTH", () => {
    // Prepare
    const trees: Tree[] = [{ f: [0, -1, -1], v: [0.5, 1, 2] }];
    const layout = treeLayout(trees, BATCH_DEPTH - 1);
    if (!layout) throw new Error("the test's tree should lay out");
    const atBatchDepth = treeLayout(trees, BATCH_DEPTH);
    if (!atBatchDepth) throw new Error("the test's tree should lay out");
    const scratch = batchScratch(atBatchDepth);

    // Act + Assess
    expect(() => batchScratch(layout)).toThrow(`depth ${BATCH_DEPTH}, not ${BATCH_DEPTH - 1}`);
    expect(() =>
      addChunk(layout, scratch, [Float64Array.of(0)], 0, 1, new Float64Array(1)),
    ).toThrow(`depth ${BATCH_DEPTH}, not ${BATCH_DEPTH - 1}`);
  });
});
