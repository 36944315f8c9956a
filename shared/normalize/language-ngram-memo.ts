/**
 * What language-scores.ts reads from eld's database, kept for the process: the tables (language ids, the byte →
 * character map eld spells its keys in) and the memo of n-gram key → its scores in typed arrays, so a detection
 * adds numbers instead of enumerating eld's objects. The memo starts as every n-gram of eld's database (its table,
 * language-eld-table.mjs, read on the first detection) and grows by the n-grams eld lacks, which count towards
 * a text's number of n-grams without scores. Its own module because it is the state that outlives a detection:
 * it grows, starts again when full, and keeps short keys as two integers.
 *
 * The lookup of a packed key is written out in language-scores.ts's readWord, where it runs once per n-gram
 * (see there why); the slots' layout and hash are the ones addSlot keeps.
 */

import { dictionary } from "./language-eld.mjs";
import { eldTable as readEldTable } from "./language-eld-data.mjs";
import { type EldTable, slotOf } from "./language-eld-table.mjs";

/** calculateScores: the database stores every score less this. */
export const BASE_NGRAM_SCORE = 53;
/**
 * The memo starts again past this many n-grams, eld's own included (they fill about 50,000 of them), so that
 * text unknown to eld cannot grow it forever.
 */
const MAX_ENTRIES = 1 << 17;

let table: EldTable | undefined;
/** eld's database as its table, read once: the memo starts from it again when full. */
function eldTable(): EldTable {
  table ??= readEldTable();
  return table;
}

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
    const languages = eldTable().languages;
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

// The memo: n-gram key → entry; an entry's scores are pool[start[e] .. end[e]), as eld stores them. A key of up
// to KEY_BYTES (language-eld-table.mjs) characters (all of eld's) is two integers, found in an open-addressing
// table; a longer one is a string. Copied from the table by the first detection, with room for a few thousand
// texts of news beyond eld's n-grams (growing costs the first pass). Exported as live bindings for readWord's
// lookup; only this module assigns them.
const ROOM_ENTRIES = 1 << 14;
export let slotLow = new Int32Array(0);
export let slotHigh = new Int32Array(0);
export let slotEntry = new Int32Array(0);
let longKeys = new Map<string, number>();
export let entryStart = new Int32Array(0);
export let entryEnd = new Int32Array(0);
/** The detection that last counted the entry: eld counts each distinct n-gram of a text once. */
export let entryStamp = new Int32Array(0);
let entries = 0;
/** Never written: the n-grams added after the table's have no scores. */
export let poolLanguage: Uint8Array = new Uint8Array(0);
export let poolScore: Uint8Array = new Uint8Array(0);
/** The current detection's number, for entryStamp. */
export let stamp = 0;

/** A new detection's stamp, the memo started again first if it is new or full. */
export function nextStamp(): void {
  if (slotLow.length === 0 || entries > MAX_ENTRIES || stamp === 0x7fffffff) resetMemo();
  stamp++;
}

/** The memo as eld's database: its table's slots and entries, copied. */
function resetMemo(): void {
  const known = eldTable();
  slotLow = known.slotLow.slice();
  slotHigh = known.slotHigh.slice();
  slotEntry = known.slotEntry.slice();
  longKeys = new Map();
  entries = known.entries;
  entryStart = new Int32Array(entries + ROOM_ENTRIES);
  entryStart.set(known.starts.subarray(0, entries));
  entryEnd = new Int32Array(entries + ROOM_ENTRIES);
  entryEnd.set(known.starts.subarray(1));
  entryStamp = new Int32Array(entries + ROOM_ENTRIES);
  poolLanguage = known.ids;
  poolScore = known.values;
  stamp = 0;
}

/** A packed key that eld's database lacks, in the free `slot`. */
export function addPacked(slot: number, low: number, high: number): number {
  const entry = addEntry();
  slotLow[slot] = low;
  slotHigh[slot] = high;
  slotEntry[slot] = entry;
  if (entries * 2 > slotLow.length) growSlots();
  return entry;
}

/**
 * The entry of a key longer than KEY_BYTES (the end of a word past eld's bytes per word, which eld's
 * database lacks): word[from..to).
 */
export function longEntry(word: Uint8Array, leading: boolean, from: number, to: number): number {
  let text = leading ? " " : "";
  for (let i = from; i < to; i++) text += String.fromCharCode(word[i] as number);
  text += " ";
  let entry = longKeys.get(text);
  if (entry === undefined) {
    entry = addEntry();
    longKeys.set(text, entry);
  }
  return entry;
}

/** A new entry without scores: every n-gram of eld's database is in the memo from the start. */
function addEntry(): number {
  if (entries === entryStart.length) {
    entryStart = grown(entryStart, entries * 2);
    entryEnd = grown(entryEnd, entries * 2);
    entryStamp = grown(entryStamp, entries * 2);
  }
  const entry = entries++;
  entryStart[entry] = 0;
  entryEnd[entry] = 0;
  entryStamp[entry] = 0;
  return entry;
}

/** Puts the packed key `low`, `high` of `entry` into the first free slot from its hash (the table's, readWord's). */
function addSlot(low: number, high: number, entry: number): void {
  const mask = slotLow.length - 1;
  let slot = slotOf(low, high, mask);
  while (slotHigh[slot] !== 0) slot = (slot + 1) & mask;
  slotLow[slot] = low;
  slotHigh[slot] = high;
  slotEntry[slot] = entry;
}

function growSlots(): void {
  const oldLow = slotLow;
  const oldHigh = slotHigh;
  const oldEntry = slotEntry;
  slotLow = new Int32Array(oldLow.length * 2);
  slotHigh = new Int32Array(oldLow.length * 2);
  slotEntry = new Int32Array(oldLow.length * 2);
  for (let old = 0; old < oldLow.length; old++) {
    const high = oldHigh[old] as number;
    if (high !== 0) addSlot(oldLow[old] as number, high, oldEntry[old] as number);
  }
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}
