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

/** Tables kept between articles larger than this are let go, so one huge article does not pin its memory. */
const KEPT_CAPACITY = 1 << 16;

/**
 * Trigram → the first and last sentence it occurs in, by open addressing: a JS Map boxes every key outside
 * V8's small-integer range (half of all hashes). A slot counts only if stamped with the current generation, so
 * starting an article over is O(1). Sized for the article before it is filled: slots never move mid-article.
 */
let capacity = 256;
let keys = new Int32Array(capacity);
let stamps = new Int32Array(capacity);
let firstOf = new Int32Array(capacity);
let lastOf = new Int32Array(capacity);
let generation = 0;
/** Each sentence's distinct trigrams' slots, end to end. */
let slots = new Int32Array(1024);

function prepare(grams: number): void {
  let wanted = 256;
  while (wanted < 2 * grams) wanted *= 2;
  if (wanted > capacity || (capacity > KEPT_CAPACITY && wanted < capacity)) {
    capacity = wanted;
    keys = new Int32Array(capacity);
    stamps = new Int32Array(capacity);
    firstOf = new Int32Array(capacity);
    lastOf = new Int32Array(capacity);
    generation = 0;
  } else if (generation === 0x7fffffff) {
    // Stamps from 2^31 articles ago would count again: start the stamps over.
    stamps.fill(0);
    generation = 0;
  }
  generation++;
  if (slots.length < grams || slots.length > KEPT_CAPACITY)
    slots = new Int32Array(Math.max(1024, grams));
}

export interface RepeatedTrigrams {
  /** Per sentence, the share of its distinct trigrams that occur in an earlier sentence. */
  earlier: Float64Array;
  /** The share that occur in a later sentence. */
  later: Float64Array;
}

/** @param tokens every sentence's lowercased words as hashWord values (term-table.ts), in order */
export function repeatedTrigrams(tokens: readonly Int32Array[]): RepeatedTrigrams {
  const n = tokens.length;
  let grams = 0;
  for (let s = 0; s < n; s++) grams += Math.max(0, (tokens[s] as Int32Array).length - 2);
  prepare(grams);
  const mask = capacity - 1;
  // Sentence s's distinct trigrams are slots[slotStart[s] ..< slotStart[s + 1]].
  const slotStart = new Int32Array(n + 1);
  let count = 0;
  for (let s = 0; s < n; s++) {
    const hashes = tokens[s] as Int32Array;
    for (let i = 0; i + 2 < hashes.length; i++) {
      const gram =
        Math.imul(
          (hashes[i] as number) ^ Math.imul(hashes[i + 1] as number, 0x9e3779b1),
          0x85ebca6b,
        ) ^ Math.imul(hashes[i + 2] as number, 0xc2b2ae35);
      let slot = Math.imul(gram, 0x9e3779b1) & mask;
      while (stamps[slot] === generation && keys[slot] !== gram) slot = (slot + 1) & mask;
      if (stamps[slot] !== generation) {
        stamps[slot] = generation;
        keys[slot] = gram;
        firstOf[slot] = s;
        lastOf[slot] = s;
        slots[count++] = slot;
      } else if (lastOf[slot] !== s) {
        // Not yet seen in this sentence (a sentence's own repeats count once).
        lastOf[slot] = s;
        slots[count++] = slot;
      }
    }
    slotStart[s + 1] = count;
  }
  const earlier = new Float64Array(n);
  const later = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const start = slotStart[s] as number;
    const distinct = (slotStart[s + 1] as number) - start;
    if (distinct === 0) continue;
    let before = 0;
    let after = 0;
    for (let g = start; g < start + distinct; g++) {
      const slot = slots[g] as number;
      if ((firstOf[slot] as number) < s) before++;
      if ((lastOf[slot] as number) > s) after++;
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
