/**
 * Share of each sentence's word trigrams already seen in an earlier sentence. Photo captions and pull quotes
 * pasted into the text repeat what came before them, and they make poor summary sentences; the sentence they
 * repeat came first and is not marked.
 */

/** Sets kept between articles larger than this are let go, so one huge article does not pin its memory. */
const KEPT_CAPACITY = 1 << 16;

/**
 * A set of 32-bit integers by open addressing: a JS Set boxes every value outside V8's small-integer range
 * (half of all hashes) on insert. clear() is O(1): a slot counts only if stamped with the current generation.
 */
class Int32Set {
  private keys = new Int32Array(256);
  private stamps = new Int32Array(256);
  private generation = 1;
  size = 0;

  clear(): void {
    if (this.keys.length > KEPT_CAPACITY) {
      this.keys = new Int32Array(256);
      this.stamps = new Int32Array(256);
      this.generation = 0;
    } else if (this.generation === 0x7fffffff) {
      // Stamps from 2^31 clears ago would count again: start the stamps over.
      this.stamps.fill(0);
      this.generation = 0;
    }
    this.generation++;
    this.size = 0;
  }

  has(value: number): boolean {
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(value, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.generation) return false;
      if (this.keys[slot] === value) return true;
    }
  }

  /** True when `value` was not in the set yet. */
  add(value: number): boolean {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(value, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.generation) {
        this.stamps[slot] = this.generation;
        this.keys[slot] = value;
        this.size++;
        return true;
      }
      if (this.keys[slot] === value) return false;
    }
  }

  private grow(): void {
    const { keys, stamps, generation } = this;
    this.keys = new Int32Array(2 * keys.length);
    this.stamps = new Int32Array(2 * keys.length);
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot++) {
      if (stamps[slot] === generation) this.add(keys[slot] as number);
    }
  }
}

// Kept between calls (the scan never re-enters): an article's sets then start at the size the last ones
// reached instead of growing, and re-hashing, from 256 slots every time.
const seen = new Int32Set();
const grams = new Int32Set();
let unique = new Int32Array(256);

/** @param tokens every sentence's lowercased words as hashWord values (term-table.ts), in order */
export function repeatedTrigramRatios(tokens: readonly Int32Array[]): Float64Array {
  // Trigrams as 32-bit hashes of word hashes: no string per trigram, so a 10 MB text stays cheap to scan.
  seen.clear();
  const ratios = new Float64Array(tokens.length);
  for (let s = 0; s < tokens.length; s++) {
    const hashes = tokens[s] as Int32Array;
    if (hashes.length > unique.length) unique = new Int32Array(2 * hashes.length);
    grams.clear();
    let count = 0;
    for (let i = 0; i + 2 < hashes.length; i++) {
      const gram =
        Math.imul(
          (hashes[i] as number) ^ Math.imul(hashes[i + 1] as number, 0x9e3779b1),
          0x85ebca6b,
        ) ^ Math.imul(hashes[i + 2] as number, 0xc2b2ae35);
      if (grams.add(gram)) unique[count++] = gram;
    }
    if (count === 0) continue;
    let repeated = 0;
    for (let g = 0; g < count; g++) if (seen.has(unique[g] as number)) repeated++;
    for (let g = 0; g < count; g++) seen.add(unique[g] as number);
    ratios[s] = repeated / count;
  }
  return ratios;
}
