import { describe, expect, it } from "vitest";
import { descendingOrder } from "../../../shared/summarize/order";

/** The comparator sort the helper stands in for. */
function reference(values: readonly number[]): number[] {
  return values
    .map((_, i) => i)
    .sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
}

describe("descendingOrder", () => {
  it("should order indices as the comparator sort does, ties and odd values included", () => {
    // Prepare: lengths on both sides of the insertion-sort limit, values drawn from a few levels so that
    // ties are common, and arrays holding NaN, infinities and a negative zero.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const arrays: number[][] = [];
    for (const n of [0, 1, 2, 5, 31, 32, 33, 63, 64, 65, 100, 140, 257, 1000]) {
      arrays.push(Array.from({ length: n }, () => Math.floor(random() * 5) / 4));
      arrays.push(Array.from({ length: n }, () => random()));
    }
    arrays.push(
      [1, Number.NaN, 0.5, Number.NaN, 2],
      [Number.POSITIVE_INFINITY, 1, Number.POSITIVE_INFINITY],
    );
    arrays.push([0, -0, 0, -0, 1]);

    // Act
    const orders = arrays.map((values) => Array.from(descendingOrder(values)));

    // Assess
    expect(orders).toEqual(arrays.map(reference));
  });
});
