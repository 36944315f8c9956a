import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Tree, treeSums } from "../../../shared/summarize/trees";

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
          fc.constantFrom(-1, -0, 0, 0.5, 1),
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
  .array(
    fc.oneof(fc.constantFrom(-1, -0, 0, 0.5, 1, Number.NaN, Infinity), fc.double({ noNaN: true })),
    { minLength: FEATURES, maxLength: FEATURES },
  )
  .map((values) => Float64Array.from(values));

/** `count` random rows: the values' few constants make rows share leaves, the random doubles part them. */
const rows = (count: number) => fc.array(row, { minLength: count, maxLength: count });

describe("treeSums", () => {
  it.each([1, 4, 5, 7])(
    "should give a row scored alone the sum of walking each tree, for trees of depth %i",
    (depth) => {
      fc.assert(
        fc.property(
          fc.array(tree(depth), { minLength: 1, maxLength: 8 }),
          fc.array(row),
          (trees, rows) => {
            // Act + Assess: bit-identical sums, NaN features included
            for (const r of rows) {
              expect(Array.from(treeSums(trees, [r], [0.25]))).toEqual([walk(trees, r, 0.25)]);
            }
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it.each([1, 2, 3, 31, 32, 33, 70])(
    "should give each of %i rows the sum of walking each tree from its own initial value",
    (count) => {
      fc.assert(
        fc.property(
          fc.array(tree(4), { minLength: 1, maxLength: 12 }),
          rows(count),
          fc.array(fc.double({ noNaN: true, min: -3, max: 3 }), {
            minLength: count,
            maxLength: count,
          }),
          (trees, batch, initial) => {
            // Act
            const sums = treeSums(trees, batch, initial);

            // Assess: bit-identical to the walk, row by row
            expect(Array.from(sums)).toEqual(
              batch.map((r, i) => walk(trees, r, initial[i] as number)),
            );
          },
        ),
        { numRuns: count > 32 ? 40 : 100 },
      );
    },
  );

  it.each([0, 1, 2, 3, 5, 7])(
    "should match the walk for ensembles whose deepest tree has depth %i",
    (depth) => {
      fc.assert(
        fc.property(
          fc.array(tree(depth), { minLength: 1, maxLength: 8 }),
          fc.integer({ min: 0, max: 40 }).chain(rows),
          (trees, batch) => {
            // Act
            const sums = treeSums(trees, batch, new Float64Array(batch.length).fill(-0.5));

            // Assess
            expect(Array.from(sums)).toEqual(batch.map((r) => walk(trees, r, -0.5)));
          },
        ),
        { numRuns: 100 },
      );
    },
  );

  it("should send NaN features right at every test, as the walk does", () => {
    // Prepare: a root on feature 0 whose right subtree splits again on feature 0
    const trees: Tree[] = [{ f: [0, -1, 0, -1, -1, -1, -1], v: [0.5, 1, 2, 0, 0, 10, 100] }];
    const batch = [
      Float64Array.of(Number.NaN),
      Float64Array.of(0),
      Float64Array.of(1),
      Float64Array.of(3),
    ];

    // Act
    const sums = treeSums(trees, batch, [0, 0, 0, 0]);

    // Assess: NaN fails both tests, as 3 does; 0 passes the root, 1 passes the second test
    expect(Array.from(sums)).toEqual([100, 1, 10, 100]);
  });

  it("should score ensembles with NaN thresholds as the walk does", () => {
    // Prepare: a NaN threshold leaves no order to visit thresholds in
    const trees: Tree[] = [
      { f: [0, -1, -1], v: [Number.NaN, 1, 2] },
      { f: [0, -1, -1], v: [0.5, 3, 4] },
    ];
    const batch = [Float64Array.of(0), Float64Array.of(1)];

    // Act
    const sums = treeSums(trees, batch, [0, 0]);

    // Assess
    expect(Array.from(sums)).toEqual([5, 6]);
  });
});
