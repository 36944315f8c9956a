/**
 * eld's detection (node_modules/eld/src/languageDetector.js `detect`, LanguageResult.js) computed over eld's own
 * database, giving what language.ts reads of eld's answer (the language, the best and runner-up of
 * getScores(), isReliable()) bit for bit; tests/unit/normalize/language-scores.test.ts compares the two on
 * every text it has. eld stays the definition of both the data and the algorithm.
 *
 * Why it exists: eld spent most of its time on its own bookkeeping rather than on the scores (the profile of
 * the summarize CLI: ~15% of a pass in eld's calculateScores, getByteNgrams, textProcessor, getScores,
 * orderAndScale). Per text it builds a string per byte and per n-gram, an object of n-grams, enumerates a
 * database object per n-gram with for-in, then an object of every language's score that language.ts sorted.
 * Here an n-gram is two integers, its scores are read from eld's database once per process into typed arrays,
 * and only the best two scores are kept. The gain is measured by tests/bench/language.bench.ts.
 */
import { avgScore, dictionary, ngramsData, separators } from "./language-eld.mjs";

/** What language.ts reads of one eld detection. */
export interface EldVerdict {
  /** eld's `language`. */
  code: string;
  /** The highest and second-highest of eld's getScores() values (0 when there is one). */
  best: number;
  runnerUp: number;
  /** eld's isReliable(). */
  reliable: boolean;
}

/** Languages to choose among, as eld.setLanguageSubset takes them; resolved against eld's on first use. */
export class LanguageSubset {
  #allowed: Uint8Array | false | undefined;
  constructor(readonly codes: readonly string[]) {}

  /** 1 for each allowed language id; false where eld would keep no subset (none of the codes is eld's). */
  allowed(languageCodes: readonly string[]): Uint8Array | false {
    if (this.#allowed === undefined) {
      const allowed = new Uint8Array(languageCodes.length);
      let any = false;
      for (const code of this.codes) {
        const id = languageCodes.indexOf(code);
        if (id >= 0) allowed[id] = 1;
        any ||= id >= 0;
      }
      this.#allowed = any ? allowed : false;
    }
    return this.#allowed;
  }
}

// eld's constants (languageDetector.js, LanguageResult.js).
/** detect() reads this many characters. */
const MAX_TEXT_CHARS = 1000;
/** strToUtf8Bytes: stop at the first space after this many bytes, or at any character after ENFORCE_CUT_AFTER. */
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;
/** getByteNgrams reads n-grams from the first 70 bytes of a word (and its last one to the word's end). */
const MAX_WORD_BYTES = 70;
/** calculateScores: the database stores every score less this. */
const BASE_NGRAM_SCORE = 53;
/** orderAndScale's scale and isReliable's default ratio. */
const SCALE = 25;
const RELIABLE_RATIO = 0.75;
/** The longest key held as two integers: a leading space, four bytes, a trailing space. */
const PACKED_CHARS = 6;
/** The memo starts again past this many n-grams, so that text unknown to eld cannot grow it forever. */
const MAX_ENTRIES = 1 << 17;

interface Tables {
  /** id → ISO code, as eld's languages. */
  codes: string[];
  /** UTF-8 byte → the character code eld writes for it in keys. */
  charOf: Uint8Array;
}

let tables: Tables | undefined;

/** Read on the first detection, not at import (module load time is a Lambda's cold start). */
function getTables(): Tables {
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
const INITIAL_SLOTS = 1 << 15;
const INITIAL_ENTRIES = 1 << 14;
const INITIAL_POOL = 1 << 16;
let slotLow = new Int32Array(0);
let slotHigh = new Int32Array(0);
let slotEntry = new Int32Array(0);
let longKeys = new Map<string, number>();
let entryStart = new Int32Array(0);
let entryEnd = new Int32Array(0);
/** The detection that last counted the entry: eld counts each distinct n-gram of a text once. */
let entryStamp = new Int32Array(0);
let entries = 0;
let poolLanguage = new Uint8Array(0);
let poolScore = new Float64Array(0);
let poolSize = 0;
let stamp = 0;

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

// Per-detection state, reused.
const word = new Uint8Array(ENFORCE_CUT_AFTER + 8);
const key = new Uint8Array(word.length + 2);
let scores = new Float64Array(64);
let ngramCount = 0;

/**
 * eld.detect(text) with eld.setLanguageSubset(subset's codes) when a subset is given; undefined where eld's
 * language is "".
 */
export function detectWithEld(text: string, subset?: LanguageSubset): EldVerdict | undefined {
  const data = getTables();
  const languageCount = data.codes.length;
  if (slotLow.length === 0 || entries > MAX_ENTRIES || stamp === 0x7fffffff) resetMemo();
  stamp++;
  if (scores.length < languageCount) scores = new Float64Array(languageCount);
  scores.fill(0);
  ngramCount = 0;
  readNgrams(text, data.charOf);

  const allowed = subset === undefined ? false : subset.allowed(data.codes);
  // getMaxLang: the first (lowest id) of the highest raw scores.
  let bestId = -1;
  let bestRaw = 0;
  for (let id = 0; id < languageCount; id++) {
    if (allowed !== false && allowed[id] === 0) continue;
    const raw = scores[id] as number;
    if (raw > 0 && raw > bestRaw) {
      bestRaw = raw;
      bestId = id;
    }
  }
  if (bestId < 0) return undefined;
  // orderAndScale then a stable sort, descending: the first two, ties in id order.
  let firstScore = Number.NEGATIVE_INFINITY;
  let secondScore = Number.NEGATIVE_INFINITY;
  let firstId = -1;
  let secondId = -1;
  let scored = 0;
  for (let id = 0; id < languageCount; id++) {
    if (allowed !== false && allowed[id] === 0) continue;
    const raw = scores[id] as number;
    if (!(raw > 0)) continue;
    scored++;
    const ngramScore = raw / ngramCount;
    const score = ngramScore / (ngramScore + SCALE);
    if (score > firstScore) {
      secondScore = firstScore;
      secondId = firstId;
      firstScore = score;
      firstId = id;
    } else if (score > secondScore) {
      secondScore = score;
      secondId = id;
    }
  }
  const code = data.codes[bestId] as string;
  // isReliable, as eld has it: the runner-up's *id* where its score would be expected.
  const next = scored > 1 ? secondId : 0;
  const reliable =
    ngramCount >= 3 &&
    !(
      (avgScore[code] as number) * RELIABLE_RATIO > firstScore || 0.01 > Math.abs(firstScore - next)
    );
  return { code, best: firstScore, runnerUp: scored > 1 ? secondScore : 0, reliable };
}

/** textProcessor, strToUtf8Bytes and getByteNgrams: every word's n-grams, counted and scored. */
function readNgrams(text: string, charOf: Uint8Array): void {
  const processed = separate(text.substring(0, MAX_TEXT_CHARS)).trim().toLowerCase();
  let length = 0;
  let bytes = 0;
  for (let i = 0; i < processed.length; i++) {
    let code = processed.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (length > 0) {
          readWord(length);
          length = 0;
        }
        if (bytes > CUT_AFTER) break;
      } else {
        word[length++] = code;
      }
      bytes++;
    } else if (code < 0x800) {
      word[length++] = charOf[0xc0 | (code >> 6)] as number;
      word[length++] = charOf[0x80 | (code & 0x3f)] as number;
      bytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      word[length++] = charOf[0xe0 | (code >> 12)] as number;
      word[length++] = charOf[0x80 | ((code >> 6) & 0x3f)] as number;
      word[length++] = charOf[0x80 | (code & 0x3f)] as number;
      bytes += 3;
    } else {
      // A surrogate pair, read as eld reads it (a lone surrogate too: charCodeAt past the end is NaN, & gives 0).
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (processed.charCodeAt(i) & 0x3ff));
      word[length++] = charOf[0xf0 | (code >> 18)] as number;
      word[length++] = charOf[0x80 | ((code >> 12) & 0x3f)] as number;
      word[length++] = charOf[0x80 | ((code >> 6) & 0x3f)] as number;
      word[length++] = charOf[0x80 | (code & 0x3f)] as number;
      bytes += 4;
    }
    if (bytes > ENFORCE_CUT_AFTER) break;
  }
  if (length > 0) readWord(length);
}

/**
 * `text.replace(separators, " ")`: every run of non-letters becomes a space, less the apostrophes that end it
 * (eld's lookbehind, which keeps "don't" a word). By a table of eld's letters, at a tenth of the regular
 * expression's cost; by the expression itself if eld's pattern is not of the shape the table is read from.
 */
export function separate(text: string): string {
  letters ??= lettersOf(separators);
  if (letters === false) return text.replace(separators, " ");
  const isLetter = letters;
  const length = text.length;
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < length) {
    if (isLetter[text.charCodeAt(i)] === 1) {
      i++;
      continue;
    }
    const start = i;
    do i++;
    while (i < length && isLetter[text.charCodeAt(i)] !== 1);
    let end = i;
    while (end > start && isApostrophe(text.charCodeAt(end - 1))) end--;
    if (end > start) {
      out += `${text.slice(copied, start)} `;
      copied = end;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x60 || code === 0x2019;
}

/** 1 for each UTF-16 unit of eld's letters. */
let letters: Uint8Array | false | undefined;

/** The letters of `[^letters]+(?<![\x27\x60\u2019])` (flags gu; letters all BMP), false if not that shape. */
export function lettersOf(pattern: RegExp): Uint8Array | false {
  const source = pattern.source;
  const tail = "]+(?<![\\x27\\x60\\u2019])";
  if (pattern.flags !== "gu" || !source.startsWith("[^") || !source.endsWith(tail)) return false;
  const set = source.slice(2, -tail.length);
  if (/[\\[\]\uD800-\uDFFF]/.test(set)) return false;
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < set.length; i++) {
    const first = set.charCodeAt(i);
    if (set[i + 1] === "-" && i + 2 < set.length) {
      table.fill(1, first, set.charCodeAt(i + 2) + 1);
      i += 2;
    } else {
      table[first] = 1;
    }
  }
  return table;
}

/**
 * getByteNgrams and calculateScores for one word: 4 bytes every 3 from its start (the first after a space),
 * then its end before a space; each distinct n-gram of the text counted once, its scores added. One function,
 * the key packed in place: the first pass (a Lambda's, a CLI run's) pays for every function V8 optimizes.
 */
function readWord(length: number): void {
  const limit = length > MAX_WORD_BYTES ? MAX_WORD_BYTES : length;
  for (let start = 0; ; start += 3) {
    const last = start + 4 >= limit;
    // eld's last n-gram is word.substring(len - 4): from 4 bytes before the limit to the end of the whole word.
    const from = last ? (limit > 4 ? limit - 4 : 0) : start;
    const to = last ? length : start + 4;
    const leading = start === 0;
    const size = (leading ? 1 : 0) + (to - from) + (last ? 1 : 0);
    let entry: number;
    if (size > PACKED_CHARS) {
      entry = longEntry(leading, from, to);
    } else {
      // The key's characters 0-3 in `low`, 4-5 and its size in `high` (never 0: 0 marks an empty slot).
      let low = leading ? 32 : 0;
      let high = size << 16;
      let at = leading ? 1 : 0;
      for (let i = from; i < to; i++, at++) {
        if (at < 4) low |= (word[i] as number) << (at << 3);
        else high |= (word[i] as number) << ((at - 4) << 3);
      }
      if (last) {
        if (at < 4) low |= 32 << (at << 3);
        else high |= 32 << ((at - 4) << 3);
      }
      const mask = slotLow.length - 1;
      let slot = (Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 0) & mask;
      for (;;) {
        const found = slotHigh[slot] as number;
        if (found === 0) {
          entry = addPacked(slot, low, high, size);
          break;
        }
        if (found === high && slotLow[slot] === low) {
          entry = slotEntry[slot] as number;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    if (entryStamp[entry] !== stamp) {
      entryStamp[entry] = stamp;
      ngramCount++;
      for (let k = entryStart[entry] as number, end = entryEnd[entry] as number; k < end; k++) {
        const language = poolLanguage[k] as number;
        scores[language] = (scores[language] as number) + (poolScore[k] as number);
      }
    }
    if (last) return;
  }
}

/** A new packed key, in the free `slot`. */
function addPacked(slot: number, low: number, high: number, size: number): number {
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

/** The entry of a key longer than PACKED_CHARS (the end of a word past MAX_WORD_BYTES). */
function longEntry(leading: boolean, from: number, to: number): number {
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
