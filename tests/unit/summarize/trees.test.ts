import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Tree, treeSum } from "../../../shared/summarize/trees";

const FEATURES = 6;

/** The plain reading of a heap-layout tree: left when the value is below the threshold. */
function walk(trees: readonly Tree[], row: Float64Array, initial: number): number {
  let z = initial;
  for (const tree of trees) {
    let node = 0;
    while ((tree.f[node] as number) >= 0) {
      node =
        (row[tree.f[node] as number] as number) < (tree.v[node] as number)
          ? 2 * node + 1
          : 2 * node + 2;
    }
    z += tree.v[node] as number;
  }
  return z;
}

/** A random tree of at most `depth` levels whose leaves may stop early; thresholds repeat often (ties). */
const tree = (depth: number) =>
  fc
    .array(
      fc.record({
        split: fc.boolean(),
        feature: fc.integer({ min: 0, max: FEATURES - 1 }),
        value: fc.oneof(
          fc.constantFrom(-1, 0, 0.5, 1),
          fc.double({ noNaN: true, min: -2, max: 2 }),
        ),
      }),
      { minLength: 2 ** (depth + 1) - 1, maxLength: 2 ** (depth + 1) - 1 },
    )
    .map((nodes) => {
      const f = nodes.map((n, i) => (n.split && i < 2 ** depth - 1 ? n.feature : -1));
      return { f, v: nodes.map((n) => n.value) };
    });

const row = fc
  .array(fc.oneof(fc.constantFrom(-1, 0, 0.5, 1, Number.NaN), fc.double({ noNaN: true })), {
    minLength: FEATURES,
    maxLength: FEATURES,
  })
  .map((values) => Float64Array.from(values));

describe("treeSum", () => {
  it.each([1, 4, 5, 7])(
    "should add the same leaf values as walking each tree, for trees of depth %i",
    (depth) => {
      fc.assert(
        fc.property(
          fc.array(tree(depth), { minLength: 1, maxLength: 8 }),
          fc.array(row),
          (trees, rows) => {
            // Act + Assess: bit-identical sums, NaN features included
            for (const r of rows) expect(treeSum(trees, r, 0.25)).toBe(walk(trees, r, 0.25));
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});
