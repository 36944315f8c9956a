/**
 * Sentence indices from the highest value to the lowest, ties by index: the order
 * `indices.sort((a, b) => values[b] - values[a] || a - b)` gives. An article's few dozen sentences are sorted
 * by insertion with the comparison inline, instead of a call into a comparator per comparison; that order has
 * one sorted arrangement, so any correct sort finds it. Long arrays, and values the subtraction cannot compare
 * consistently (NaN, infinities), go through Array.prototype.sort with that very comparator.
 */

const INSERTION_LIMIT = 64;

export function descendingOrder(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  let comparable = n <= INSERTION_LIMIT;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    const value = values[i] as number;
    if (!(value - value === 0)) comparable = false;
  }
  if (!comparable) {
    const sorted = Array.from(order).sort(
      (a, b) => (values[b] as number) - (values[a] as number) || a - b,
    );
    order.set(sorted);
    return order;
  }
  for (let i = 1; i < n; i++) {
    const index = order[i] as number;
    const value = values[index] as number;
    let j = i - 1;
    // Every index before i is lower, so a tie keeps its place: only a strictly higher value moves up.
    while (j >= 0 && (values[order[j] as number] as number) < value) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = index;
  }
  return order;
}
