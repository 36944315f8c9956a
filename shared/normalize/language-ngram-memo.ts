/**
 * What language-scores.ts reads from eld's database, kept for the process: the tables (language ids, the byte →
 * character map eld spells its keys in) and the memo of every n-gram met → its scores, copied from eld's
 * database into typed arrays once per key, so a detection adds numbers instead of enumerating eld's objects.
 * Its own module because it is the state that outlives a detection: it grows, starts again when full, and
 * keeps short keys as two integers.
 *
 * The lookup of a packed key is written out in language-scores.ts's readWord, where it runs once per n-gram
 * (see there why); the slots' layout and hash are the ones addPacked and growSlots keep.
 */
import { dictionary, ngramsData } from "./language-eld.mjs";

/** calculateScores: the database stores every score less this. */
const BASE_NGRAM_SCORE = 53;
/** The longest key held as two integers: a leading space, four bytes, a trailing space. */
export const PACKED_CHARS = 6;
/** The memo starts again past this many n-grams, so that text unknown to eld cannot grow it forever. */
const MAX_ENTRIES = 1 << 17;

export interface Tables {
  /** id → ISO code, as eld's languages. */
  codes: string[];
  /** UTF-8 byte → the character code eld writes for it in keys. */
  charOf: Uint8Array;
}

let tables: Tables | undefined;

/** Read on the first detection, not at import (module load time is a Lambda's cold start). */
export function getTables(): Tables {
  if (tables === undefined) {
    // eld's ids are the indexes of an array as long as its languages object (setNgrams).
    const languages = ngramsData.languages;
    const codes = Array.from(Object.keys(languages), (_, id) => languages[id] as string);
    const charOf = new Uint8Array(256);
    for (let byte = 0; byte < 256; byte++) {
      const code = byte < 0x80 ? byte : (dictionary[byte] ?? "").charCodeAt(0);
      if (!(code <= 0xff)) throw new Error(`eld's dictionary: byte ${byte} is not one character`);
      charOf[byte] = code;
    }
    tables = { codes, charOf };
  }
  return tables;
}

// The memo: n-gram key → entry; an entry's scores are pool[start[e] .. end[e]). A key of up to PACKED_CHARS
// characters (all of eld's) is two integers, found in an open-addressing table; a longer one is a string.
// Allocated by the first detection, sized for a few thousand texts of news (growing costs the first pass).
// Exported as live bindings for readWord's lookup; only this module assigns them.
const INITIAL_SLOTS = 1 << 15;
const INITIAL_ENTRIES = 1 << 14;
const INITIAL_POOL = 1 << 16;
export let slotLow = new Int32Array(0);
export let slotHigh = new Int32Array(0);
export let slotEntry = new Int32Array(0);
let longKeys = new Map<string, number>();
export let entryStart = new Int32Array(0);
export let entryEnd = new Int32Array(0);
/** The detection that last counted the entry: eld counts each distinct n-gram of a text once. */
export let entryStamp = new Int32Array(0);
let entries = 0;
export let poolLanguage = new Uint8Array(0);
export let poolScore = new Float64Array(0);
let poolSize = 0;
/** The current detection's number, for entryStamp. */
export let stamp = 0;
/** A key's characters, as eld's database spells them; grown by longEntry to the longest word it is given. */
let key = new Uint8Array(PACKED_CHARS);

/** A new detection's stamp, the memo started again first if it is new or full. */
export function nextStamp(): void {
  if (slotLow.length === 0 || entries > MAX_ENTRIES || stamp === 0x7fffffff) resetMemo();
  stamp++;
}

function resetMemo(): void {
  slotLow = new Int32Array(INITIAL_SLOTS);
  slotHigh = new Int32Array(INITIAL_SLOTS);
  slotEntry = new Int32Array(INITIAL_SLOTS);
  longKeys = new Map();
  entryStart = new Int32Array(INITIAL_ENTRIES);
  entryEnd = new Int32Array(INITIAL_ENTRIES);
  entryStamp = new Int32Array(INITIAL_ENTRIES);
  entries = 0;
  poolLanguage = new Uint8Array(INITIAL_POOL);
  poolScore = new Float64Array(INITIAL_POOL);
  poolSize = 0;
  stamp = 0;
}

/** A new packed key, in the free `slot`. */
export function addPacked(slot: number, low: number, high: number, size: number): number {
  for (let at = 0; at < size; at++) {
    key[at] = at < 4 ? (low >>> (at << 3)) & 0xff : (high >>> ((at - 4) << 3)) & 0xff;
  }
  const entry = addEntry(size);
  slotLow[slot] = low;
  slotHigh[slot] = high;
  slotEntry[slot] = entry;
  if (entries * 2 > slotLow.length) growSlots();
  return entry;
}

/** The entry of a key longer than PACKED_CHARS (the end of a word past eld's bytes per word): word[from..to). */
export function longEntry(word: Uint8Array, leading: boolean, from: number, to: number): number {
  if (key.length < word.length + 2) key = new Uint8Array(word.length + 2);
  let size = 0;
  if (leading) key[size++] = 32;
  for (let i = from; i < to; i++) key[size++] = word[i] as number;
  key[size++] = 32;
  const text = keyString(size);
  let entry = longKeys.get(text);
  if (entry === undefined) {
    entry = addEntry(size);
    longKeys.set(text, entry);
  }
  return entry;
}

function keyString(size: number): string {
  let text = "";
  for (let i = 0; i < size; i++) text += String.fromCharCode(key[i] as number);
  return text;
}

/** A new entry for key[0..size): its scores as eld's calculateScores adds them (`ngrams[bytes]`, for-in). */
function addEntry(size: number): number {
  if (entries === entryStart.length) {
    entryStart = grown(entryStart, entries * 2);
    entryEnd = grown(entryEnd, entries * 2);
    entryStamp = grown(entryStamp, entries * 2);
  }
  const entry = entries++;
  entryStart[entry] = poolSize;
  const found = ngramsData.ngrams[keyString(size)];
  for (const language in found) {
    if (poolSize === poolScore.length) {
      poolLanguage = grown(poolLanguage, poolSize * 2);
      poolScore = grown(poolScore, poolSize * 2);
    }
    poolLanguage[poolSize] = Number(language);
    poolScore[poolSize] = (found[language] as number) + BASE_NGRAM_SCORE;
    poolSize++;
  }
  entryEnd[entry] = poolSize;
  entryStamp[entry] = 0;
  return entry;
}

function growSlots(): void {
  const oldLow = slotLow;
  const oldHigh = slotHigh;
  const oldEntry = slotEntry;
  const size = oldLow.length * 2;
  slotLow = new Int32Array(size);
  slotHigh = new Int32Array(size);
  slotEntry = new Int32Array(size);
  const mask = size - 1;
  for (let old = 0; old < oldLow.length; old++) {
    const high = oldHigh[old] as number;
    if (high === 0) continue;
    const low = oldLow[old] as number;
    let slot = (Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 0) & mask;
    while (slotHigh[slot] !== 0) slot = (slot + 1) & mask;
    slotLow[slot] = low;
    slotHigh[slot] = high;
    slotEntry[slot] = oldEntry[old] as number;
  }
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (n: number) => T)(size);
  copy.set(array);
  return copy;
}
