/**
 * The per-language memo of what each lowercased word contributes (its stem, null for a stopword, undefined for
 * a single letter), looked up by a word's place in its sentence: the tokenizer hashes the word while scanning
 * it and compares characters in place, so a word already seen costs no substring, no regex match and no Map
 * lookup. An open-addressing table over FNV-1a hashes, the same hash the repeated-trigram feature reads.
 *
 * Each distinct term has a number (TermId), so the vectorizer counts terms in arrays indexed by it instead of
 * a Map keyed by the term's string. Numbers hold until `trim` starts the table over, which happens only
 * between articles.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, as a signed 32-bit integer. */
export function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}

export type Term = string | null | undefined;

/** A term's number (0, 1, …), or one of these two for a word without a term. */
export const STOPWORD = -1;
export const SINGLE_LETTER = -2;

/** A slot's tag is its TermId plus this: 0 marks an empty slot. */
const TAG = 3;

export class TermTable {
  /**
   * Slot s's word hash and tag at 2s and 2s + 1: side by side, so a probe reads one cache line and touches a
   * word's string only when the hashes match (the table outgrows the caches).
   */
  private entries: Int32Array;
  private keys: (string | undefined)[];
  /** Words held (read it, never write it: a public field, not a getter, for the reason `trim` gives). */
  size = 0;
  /** Term number → term, and back. */
  private terms: string[] = [];
  private numbers = new Map<string, number>();

  /**
   * @param compute a word's term, on its first lookup
   * @param limit words kept before `trim` starts the table over (it grows with every new word in the process)
   * @param capacity slots to start with, a power of two: the table grows when half of them are taken. Growing
   *   moves every word, in a loop V8 compiles on the spot, so a table that starts at the size it will reach
   *   saves the first articles that work.
   */
  constructor(
    private readonly compute: (word: string) => Term,
    readonly limit: number,
    private readonly capacity = 1024,
  ) {
    this.entries = new Int32Array(2 * capacity);
    this.keys = new Array(capacity).fill(undefined);
  }

  /** How many term numbers are given out: every TermId is below it. */
  get termCount(): number {
    return this.terms.length;
  }

  /**
   * Starts the table over once it holds `limit` words; call it only where no TermId is held. A caller that runs
   * once per article tests `size >= limit` itself before calling: V8 records type feedback for a function only
   * after its first few calls, and would inline this one into the optimized caller without any, to be thrown
   * away at its first run.
   */
  trim(): void {
    if (this.size < this.limit) return;
    this.reset(this.capacity);
    this.terms = [];
    this.numbers = new Map();
  }

  /**
   * The TermId of the word text[start ..< end] lowercased, whose hashWord (of the lowercased word) is `hash`.
   * The word may hold A-Z, no other unit that lowercasing changes.
   */
  lookup(text: string, start: number, end: number, hash: number): number {
    const { entries, keys } = this;
    const mask = keys.length - 1;
    const length = end - start;
    // The step to the next slot runs on every lookup, the first included (see homeBefore).
    let slot = homeBefore(hash, mask);
    while (true) {
      slot = (slot + 1) & mask;
      const tag = entries[2 * slot + 1] as number;
      if (tag === 0) break;
      if (entries[2 * slot] === hash) {
        const key = keys[slot] as string;
        if (key.length === length && sameChars(key, text, start)) return tag - TAG;
      }
    }
    const word = text.slice(start, end).toLowerCase();
    const term = this.compute(word);
    const id = term === null ? STOPWORD : term === undefined ? SINGLE_LETTER : this.numberOf(term);
    this.insert(word, hash, id);
    return id;
  }

  /** The number of a term (a stem, or a bigram of an unspaced script). */
  numberOf(term: string): number {
    let id = this.numbers.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.numbers.set(term, id);
    }
    return id;
  }

  /** The term a TermId stands for. */
  termOf(id: number): Term {
    return id >= 0 ? this.terms[id] : id === STOPWORD ? null : undefined;
  }

  /** The term of a whole lowercased word. */
  get(word: string): Term {
    return this.termOf(this.lookup(word, 0, word.length, hashWord(word)));
  }

  private insert(word: string, hash: number, id: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = homeBefore(hash, mask);
    do slot = (slot + 1) & mask;
    while (this.entries[2 * slot + 1] !== 0);
    this.keys[slot] = word;
    this.entries[2 * slot] = hash;
    this.entries[2 * slot + 1] = id + TAG;
    this.size++;
  }

  private reset(capacity: number): void {
    this.entries = new Int32Array(2 * capacity);
    this.keys = new Array(capacity).fill(undefined);
    this.size = 0;
  }

  private grow(): void {
    const { entries, keys } = this;
    this.reset(2 * keys.length);
    for (let slot = 0; slot < keys.length; slot++) {
      const tag = entries[2 * slot + 1] as number;
      if (tag !== 0) this.insert(keys[slot] as string, entries[2 * slot] as number, tag - TAG);
    }
  }
}

/**
 * The slot before a hash's home slot: probes step forward from it, so the step runs on every probe, the first
 * included. A step taken only past a taken slot would first run at the first collision, some articles into a
 * run, with V8's optimized tokenizer compiled already without feedback for it: that code would be thrown away
 * and compiled again.
 */
function homeBefore(hash: number, mask: number): number {
  return ((Math.imul(hash, 0x9e3779b1) & mask) + mask) & mask;
}

/** key (lowercase) === text[start ..< start + key.length] with A-Z lowered. */
function sameChars(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) {
    const unit = text.charCodeAt(start + i);
    if (key.charCodeAt(i) !== (unit >= 0x41 && unit <= 0x5a ? unit | 0x20 : unit)) return false;
  }
  return true;
}
