/**
 * Growing the scratch arrays the summarizer keeps between articles, one helper per element type for every
 * module. V8 keeps type feedback per function, and the vectorizer grows its arrays many times over on the first
 * articles, so the growth path has feedback before V8 optimizes any caller; a helper of each module's own could
 * meet its first growth in some later article without feedback, and throw its optimized caller away.
 */

/**
 * Scratch arrays kept between articles start each article at the size the last ones reached; those above this
 * many elements are let go at the next article, so one huge article does not pin its memory.
 */
export const KEPT_LENGTH = 1 << 18;

/** `array` when it holds `size` elements, else a larger copy of it. */
export function int32AtLeast(array: Int32Array, size: number): Int32Array {
  if (size <= array.length) return array;
  const bigger = new Int32Array(Math.max(size, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/** `array` when it holds `size` elements, else a larger copy of it. */
export function float64AtLeast(array: Float64Array, size: number): Float64Array {
  if (size <= array.length) return array;
  const bigger = new Float64Array(Math.max(size, 2 * array.length));
  bigger.set(array);
  return bigger;
}
