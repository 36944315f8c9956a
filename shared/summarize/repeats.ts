/**
 * Share of each sentence's word trigrams already seen in an earlier sentence, and the same share for later
 * sentences. Photo captions and pull quotes pasted into the text repeat what came before them, and they make
 * poor summary sentences; the sentence they repeat came first and is not marked. Read backwards, the measure
 * finds a caption pasted before the paragraph it repeats.
 *
 * Trigrams are 32-bit hashes of word hashes: no string per trigram, so a 10 MB text stays cheap to scan. Both
 * directions come from one pass: each distinct trigram's first and last sentence is noted, and a sentence's
 * trigram was seen earlier when its first sentence is earlier, later when its last one is later.
 */

import { int32AtLeast, KEPT_LENGTH } from "./scratch";

export interface RepeatedTrigrams {
  /** Per sentence, the share of its distinct trigrams that occur in an earlier sentence. */
  earlier: Float64Array;
  /** The share that occur in a later sentence. */
  later: Float64Array;
}

/**
 * One array holds everything: an open-addressing table from trigram to the first and last sentence it occurs
 * in (a JS Map boxes every key outside V8's small-integer range, half of all hashes), sized for the article so
 * slots never move, then each sentence's distinct trigrams' slots, end to end. Kept between articles (larger
 * ones are let go) and its table part cleared for each.
 */
let memory: Int32Array = new Int32Array(16);
const SLOT = 4;
const KEY = 0;
/** The first sentence plus one: 0 marks an empty slot. */
const FIRST = 1;
const LAST = 2;

/** @param tokens every sentence's lowercased words as hashWord values (term-table.ts), in order */
export function repeatedTrigrams(tokens: readonly Int32Array[]): RepeatedTrigrams {
  const n = tokens.length;
  let grams = 0;
  for (let s = 0; s < n; s++) grams += Math.max(0, (tokens[s] as Int32Array).length - 2);
  let capacity = 16;
  while (capacity < 2 * grams) capacity *= 2;
  const mask = capacity - 1;
  const size = SLOT * capacity + grams + n + 1;
  if (memory.length > KEPT_LENGTH && size <= KEPT_LENGTH) memory = new Int32Array(16);
  memory = int32AtLeast(memory, size);
  // A local: the loops then read no module variable.
  const table = memory;
  table.fill(0, 0, SLOT * capacity);
  // Sentence s's distinct trigrams' slots are table[lists + b(s) ..< lists + b(s + 1)], b(s) = table[bounds + s].
  const lists = SLOT * capacity;
  const bounds = lists + grams;
  table[bounds] = 0;
  let count = 0;
  for (let s = 0; s < n; s++) {
    const hashes = tokens[s] as Int32Array;
    for (let i = 0; i + 2 < hashes.length; i++) {
      const gram =
        Math.imul(
          (hashes[i] as number) ^ Math.imul(hashes[i + 1] as number, 0x9e3779b1),
          0x85ebca6b,
        ) ^ Math.imul(hashes[i + 2] as number, 0xc2b2ae35);
      let at = SLOT * (Math.imul(gram, 0x9e3779b1) & mask);
      while (table[at + FIRST] !== 0 && table[at + KEY] !== gram) at = (at + SLOT) & (SLOT * mask);
      if (table[at + FIRST] === 0) {
        table[at + KEY] = gram;
        table[at + FIRST] = s + 1;
        table[at + LAST] = s;
        table[lists + count++] = at;
      } else if (table[at + LAST] !== s) {
        // Not yet seen in this sentence (a sentence's own repeats count once).
        table[at + LAST] = s;
        table[lists + count++] = at;
      }
    }
    table[bounds + s + 1] = count;
  }
  const earlier = new Float64Array(n);
  const later = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const start = table[bounds + s] as number;
    const distinct = (table[bounds + s + 1] as number) - start;
    if (distinct === 0) continue;
    let before = 0;
    let after = 0;
    for (let g = lists + start; g < lists + start + distinct; g++) {
      const at = table[g] as number;
      if ((table[at + FIRST] as number) - 1 < s) before++;
      if ((table[at + LAST] as number) > s) after++;
    }
    earlier[s] = before / distinct;
    later[s] = after / distinct;
  }
  return { earlier, later };
}

/** The share of each sentence's distinct trigrams that occur in an earlier sentence. */
export function repeatedTrigramRatios(tokens: readonly Int32Array[]): Float64Array {
  return repeatedTrigrams(tokens).earlier;
}
