/**
 * eld's detection (node_modules/eld/src/languageDetector.js `detect`, LanguageResult.js) computed over eld's own
 * database, giving what language.ts reads of eld's answer (the language, the best and runner-up of
 * getScores(), isReliable()) bit for bit; tests/unit/normalize/language-scores.test.ts compares the two on
 * every text it has. eld stays the definition of both the data and the algorithm.
 *
 * Why it exists: eld spent most of its time on its own bookkeeping rather than on the scores (in a profile of
 * the summarize CLI, detection was one of the largest costs of a pass: eld's calculateScores, getByteNgrams,
 * textProcessor, getScores, orderAndScale). Per text it builds a string per byte and per n-gram, an object of
 * n-grams, enumerates a database object per n-gram with for-in, then an object of every language's score that
 * language.ts sorted. Here an n-gram is two integers, its scores are in typed arrays holding eld's database as
 * a table, read once per process (language-ngram-memo.ts, language-eld-table.mjs), and only the best two
 * scores are kept. The gain is measured by tests/bench/language.bench.ts.
 */

import { callUntilFeedback, warmUpOnFirstUse } from "../v8/warm-up";
import { avgScore } from "./language-eld.mjs";
import { KEY_BYTES } from "./language-eld-table.mjs";
import {
  addPacked,
  BASE_NGRAM_SCORE,
  entryEnd,
  entryStamp,
  entryStart,
  getTables,
  longEntry,
  nextStamp,
  poolLanguage,
  poolScore,
  slotEntry,
  slotHigh,
  slotLow,
  stamp,
} from "./language-ngram-memo";
import { separate } from "./language-separators";
import type { LanguageSubset } from "./language-subset";

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

// eld's constants (languageDetector.js, LanguageResult.js).
/** detect() reads this many characters. */
const MAX_TEXT_CHARS = 1000;
/** strToUtf8Bytes: stop at the first space after this many bytes, or at any character after ENFORCE_CUT_AFTER. */
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;
/** getByteNgrams reads n-grams from the first 70 bytes of a word (and its last one to the word's end). */
const MAX_WORD_BYTES = 70;
/** orderAndScale's scale and isReliable's default ratio. */
const SCALE = 25;
const RELIABLE_RATIO = 0.75;

/**
 * Letters of two and of three UTF-8 bytes, which English news meets only now and then: readNgrams optimized
 * before the first é would be thrown away at it and compiled again (shared/v8/warm-up.ts). Detections whose
 * answers are not used; the memo keeps their n-grams, as it would any text's.
 */
const WARM_UP = "café señor Łódź жизнь 中文 ひらがな";
const warmUp = warmUpOnFirstUse(() => callUntilFeedback(() => detectWithEld(WARM_UP)));

// Per-detection state, reused.
const word = new Uint8Array(ENFORCE_CUT_AFTER + 8);
let scores = new Float64Array(64);
let ngramCount = 0;

/**
 * eld.detect(text) with eld.setLanguageSubset(subset's codes) when a subset is given; undefined where eld's
 * language is "".
 */
export function detectWithEld(text: string, subset?: LanguageSubset): EldVerdict | undefined {
  warmUp();
  const data = getTables();
  const languageCount = data.codes.length;
  nextStamp();
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
 * getByteNgrams and calculateScores for one word: 4 bytes every 3 from its start (the first after a space),
 * then its end before a space; each distinct n-gram of the text counted once, its scores added. One function,
 * the key packed in place and looked up in language-ngram-memo.ts's slots here (its layout and hash, as
 * addSlot keeps them): the first pass (a Lambda's, a CLI run's) pays for every function V8
 * optimizes.
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
    if (size > KEY_BYTES) {
      entry = longEntry(word, leading, from, to);
    } else {
      // The key packed as language-eld-table.mjs's packKey packs it, looked up as slotOf places it.
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
          entry = addPacked(slot, low, high);
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
        scores[language] =
          (scores[language] as number) + ((poolScore[k] as number) + BASE_NGRAM_SCORE);
      }
    }
    if (last) return;
  }
}
