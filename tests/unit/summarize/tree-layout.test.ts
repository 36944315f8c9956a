import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "../../../shared/summarize/model";
import type { Tree } from "../../../shared/summarize/tree";
import { BATCH_DEPTH, treeLayout } from "../../../shared/summarize/tree-layout";

describe("treeLayout", () => {
  it("should lay the committed trees out at the batch scorer's depth", () => {
    // Act: a retrain to deeper trees would leave summaries on the walk, several times slower
    const layout = treeLayout(DEFAULT_WEIGHTS.trees, BATCH_DEPTH);

    // Assess
    expect(layout?.depth).toBe(BATCH_DEPTH);
    expect(layout?.trees).toBe(DEFAULT_WEIGHTS.trees.length);
  });

  it("should not lay out a tree deeper than the depth asked for", () => {
    // Prepare: a root and one split below it, two levels
    const trees: Tree[] = [{ f: [0, 1, -1, -1, -1, -1, -1], v: [0.5, 0.5, 3, 1, 2, 0, 0] }];

    // Act
    const shallow = treeLayout(trees, 1);
    const deep = treeLayout(trees, 2);

    // Assess
    expect(shallow).toBeUndefined();
    expect(deep?.depth).toBe(2);
  });

  it("should pad a tree that stops early with copies of its leaf", () => {
    // Prepare: a single split on feature 0, laid out two levels deep
    const trees: Tree[] = [{ f: [0, -1, -1], v: [0.5, 1, 2] }];

    // Act
    const layout = treeLayout(trees, 2);

    // Assess: the left leaf fills leaves 0 and 1, the right one leaves 2 and 3
    expect(Array.from(layout?.leafValue ?? [])).toEqual([1, 1, 2, 2]);
  });

  it("should give equal thresholds of a feature one group, -0 and 0 included", () => {
    // Prepare: two trees on feature 0 at 0 and -0, one on feature 1 at 0.5
    const trees: Tree[] = [
      { f: [0, -1, -1], v: [0, 1, 2] },
      { f: [0, -1, -1], v: [-0, 3, 4] },
      { f: [1, -1, -1], v: [0.5, 5, 6] },
    ];

    // Act
    const layout = treeLayout(trees, 1);

    // Assess: one group per feature; feature 0's group has slot 1, feature 1's slot 0 + 1 + 2
    expect(Array.from(layout?.featureGroup ?? [])).toEqual([0, 1, 2]);
    expect(Array.from(layout?.nodeSlot ?? [])).toEqual([1, 1, 3]);
  });

  it("should not lay out trees with a NaN threshold", () => {
    // Prepare
    const trees: Tree[] = [{ f: [0, -1, -1], v: [Number.NaN, 1, 2] }];

    // Act + Assess
    expect(treeLayout(trees, 1)).toBeUndefined();
  });
});
