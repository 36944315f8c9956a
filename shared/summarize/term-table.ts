/**
 * The per-language memo of what each lowercased word contributes (its stem, null for a stopword, undefined for
 * a single letter), looked up by a word's place in its sentence: the tokenizer hashes the word while scanning
 * it and compares characters in place, so a word already seen costs no substring, no regex match and no Map
 * lookup. An open-addressing table over FNV-1a hashes, the same hash the repeated-trigram feature reads.
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

export class TermTable {
  private hashes = new Int32Array(1024);
  private keys: (string | undefined)[] = new Array(1024).fill(undefined);
  private values: Term[] = new Array(1024).fill(undefined);
  private size = 0;

  /**
   * @param compute a word's term, on its first lookup
   * @param limit entries kept before the table starts over (it grows with every new word in the process)
   */
  constructor(
    private readonly compute: (word: string) => Term,
    private readonly limit: number,
  ) {}

  /**
   * The term of the word text[start ..< end] lowercased, whose hashWord (of the lowercased word) is `hash`. The
   * word may hold A-Z, no other unit that lowercasing changes.
   */
  lookup(text: string, start: number, end: number, hash: number): Term {
    const { hashes, keys } = this;
    const mask = keys.length - 1;
    const length = end - start;
    let slot = Math.imul(hash, 0x9e3779b1) & mask;
    for (let key = keys[slot]; key !== undefined; key = keys[slot]) {
      if (hashes[slot] === hash && key.length === length && sameChars(key, text, start)) {
        return this.values[slot];
      }
      slot = (slot + 1) & mask;
    }
    const word = text.slice(start, end).toLowerCase();
    const term = this.compute(word);
    this.insert(word, hash, term);
    return term;
  }

  /** The term of a whole word. */
  get(word: string): Term {
    return this.lookup(word, 0, word.length, hashWord(word));
  }

  private insert(word: string, hash: number, term: Term): void {
    if (this.size >= this.limit) this.reset(this.keys.length);
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = Math.imul(hash, 0x9e3779b1) & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.keys[slot] = word;
    this.hashes[slot] = hash;
    this.values[slot] = term;
    this.size++;
  }

  private reset(capacity: number): void {
    this.hashes = new Int32Array(capacity);
    this.keys = new Array(capacity).fill(undefined);
    this.values = new Array(capacity).fill(undefined);
    this.size = 0;
  }

  private grow(): void {
    const { hashes, keys, values } = this;
    this.reset(2 * keys.length);
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot];
      if (key !== undefined) this.insert(key, hashes[slot] as number, values[slot]);
    }
  }
}

/** key (lowercase) === text[start ..< start + key.length] with A-Z lowered. */
function sameChars(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) {
    const unit = text.charCodeAt(start + i);
    if (key.charCodeAt(i) !== (unit >= 0x41 && unit <= 0x5a ? unit | 0x20 : unit)) return false;
  }
  return true;
}
