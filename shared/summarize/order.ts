/**
 * Sentence indices from the highest value to the lowest, ties by index: the order
 * `indices.sort((a, b) => values[b] - values[a] || a - b)` gives, sorted with the comparison inline instead of
 * a call into a comparator per comparison. That order has one sorted arrangement, so any correct sort finds it:
 * runs of RUN indices by insertion, then merges of neighbouring runs. Values the subtraction cannot compare
 * consistently (NaN, infinities) go through Array.prototype.sort with that very comparator.
 */

const RUN = 32;

export function descendingOrder(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  let order = new Int32Array(n);
  let comparable = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    const value = values[i] as number;
    if (!(value - value === 0)) comparable = false;
  }
  if (!comparable) return sortedByComparator(order, values);
  for (let start = 0; start < n; start += RUN)
    insertionSort(order, values, start, Math.min(n, start + RUN));
  if (n <= RUN) return order;
  // Every run holds a block of consecutive indices, a left run's below its right neighbour's: a tie takes
  // the left one first.
  let into = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let start = 0; start < n; start += 2 * width) {
      merge(order, into, values, start, Math.min(n, start + width), Math.min(n, start + 2 * width));
    }
    [order, into] = [into, order];
  }
  return order;
}

/**
 * The rare case in a function of its own, so that V8 compiles none of it into descendingOrder: a smaller
 * function to optimize on the cold first pass.
 */
function sortedByComparator(order: Int32Array, values: ArrayLike<number>): Int32Array {
  const sorted = Array.from(order).sort(
    (a, b) => (values[b] as number) - (values[a] as number) || a - b,
  );
  order.set(sorted);
  return order;
}

function insertionSort(
  order: Int32Array,
  values: ArrayLike<number>,
  start: number,
  end: number,
): void {
  for (let i = start + 1; i < end; i++) {
    const index = order[i] as number;
    const value = values[index] as number;
    let j = i - 1;
    // The indices before i are lower, so a tie keeps its place: only a strictly higher value moves up.
    while (j >= start && (values[order[j] as number] as number) < value) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = index;
  }
}

function merge(
  from: Int32Array,
  into: Int32Array,
  values: ArrayLike<number>,
  start: number,
  middle: number,
  end: number,
): void {
  let left = start;
  let right = middle;
  for (let k = start; k < end; k++) {
    if (
      left < middle &&
      (right >= end ||
        (values[from[right] as number] as number) <= (values[from[left] as number] as number))
    ) {
      into[k] = from[left++] as number;
    } else {
      into[k] = from[right++] as number;
    }
  }
}
