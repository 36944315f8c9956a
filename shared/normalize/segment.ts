import { AMBIGUOUS, BEFORE_NUMBER, SENTENCE_STARTERS, TITLES } from "./abbreviations";

/** A sentence as offsets into the segmented text (UTF-16 code units), end exclusive, no outer whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// How far the scanner looks back (the word before a period) and ahead (the next word). Bounded lookups keep
// the scan linear in the input size whatever the input.
const MAX_TOKEN = 40;

const Code = {
  Tab: 0x09,
  LineFeed: 0x0a,
  CarriageReturn: 0x0d,
  Space: 0x20,
  Period: 0x2e,
} as const;

function isSpace(code: number): boolean {
  return (
    code === Code.Space ||
    code === Code.LineFeed ||
    code === Code.Tab ||
    code === Code.CarriageReturn ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

/** Ends a sentence with no space after it: CJK full stops and marks. */
function isCjkTerminal(code: number): boolean {
  return (
    code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff61 || code === 0xff0e
  );
}

/** "!" "?" and their Arabic, Urdu, Devanagari, Armenian, Greek-question-mark-free equivalents. */
function isStrongTerminal(code: number): boolean {
  return (
    code === 0x21 || // !
    code === 0x3f || // ?
    code === 0x061f || // Arabic question mark
    code === 0x06d4 || // Arabic/Urdu full stop
    code === 0x0964 || // Devanagari danda
    code === 0x0965 || // double danda
    code === 0x0589 || // Armenian full stop
    code === 0x203c || // ‼
    code === 0x2047 || // ⁇
    code === 0x2048 ||
    code === 0x2049
  );
}

function isTerminal(code: number): boolean {
  return code === Code.Period || code === 0x2026 || isStrongTerminal(code) || isCjkTerminal(code);
}

/** Closing quotes and brackets that belong to the sentence they follow: `"Stop!"`, `(sic.)`, `」`. */
function isCloser(code: number): boolean {
  switch (code) {
    case 0x22: // "
    case 0x27: // '
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x00bb: // »
    case 0x203a: // ›
    case 0x300d: // 」
    case 0x300f: // 』
    case 0x3011: // 】
    case 0x3015: // 〕
    case 0xff09: // ）
    case 0x3009: // 〉
    case 0x300b: // 》
    case 0xff02: // ＂
      return true;
    default:
      return false;
  }
}

function isQuoteCloser(code: number): boolean {
  return isCloser(code) && code !== 0x29 && code !== 0x5d && code !== 0x7d && code !== 0xff09;
}

/** Opening quotes and brackets skipped to find the first letter of the next word. */
function isOpener(code: number): boolean {
  switch (code) {
    case 0x22:
    case 0x27:
    case 0x28:
    case 0x5b:
    case 0x201c:
    case 0x2018:
    case 0x00ab:
    case 0x2039:
    case 0x201e:
    case 0x00bf: // ¿
    case 0x00a1: // ¡
      return true;
    default:
      return false;
  }
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Letter-only pieces of at most two letters joined by periods: "u.s", "e.g", "a.m", "ph.d", "z.b". */
const DOTTED_ACRONYM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const SINGLE_LETTER = /^\p{L}$/u;
const LIST_NUMBER = /^\d{1,3}$/;
const HAS_UPPER = /\p{Lu}/u;

interface NextWord {
  /** The word after the whitespace, openers skipped, at most MAX_TOKEN characters. */
  word: string;
  /** The whitespace between holds a blank line: always a boundary. */
  blankLine: boolean;
}

function readNextWord(text: string, from: number): NextWord {
  let i = from;
  let newlines = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) {
    if (text.charCodeAt(i) === Code.LineFeed) newlines++;
    i++;
  }
  while (i < text.length && isOpener(text.charCodeAt(i))) i++;
  const limit = Math.min(text.length, i + MAX_TOKEN);
  let end = i;
  while (end < limit && !isSpace(text.charCodeAt(end))) end++;
  return { word: text.slice(i, end), blankLine: newlines >= 2 };
}

/** The word just before a period, without its opening quotes or brackets ("(ISIS" → "ISIS"). */
function readWordBefore(text: string, sentenceStart: number, period: number): string {
  const limit = Math.max(sentenceStart, period - MAX_TOKEN);
  let i = period;
  while (i > limit && !isSpace(text.charCodeAt(i - 1))) i--;
  while (i < period && isOpener(text.charCodeAt(i))) i++;
  return text.slice(i, period);
}

/** In cased text a sentence opener must be capitalized ("St. in London" goes on); in lowercased text, not. */
function startsSentence(word: string, cased: boolean): boolean {
  const letters = /^\p{L}+/u.exec(word);
  if (letters === null) return false;
  if (cased && !isUpper(word[0] ?? "")) return false;
  return SENTENCE_STARTERS.has(letters[0].toLowerCase());
}

/** After one period followed by whitespace: does a sentence end here? */
function periodEndsSentence(
  text: string,
  sentenceStart: number,
  period: number,
  next: NextWord,
  cased: boolean,
): boolean {
  const before = readWordBefore(text, sentenceStart, period);
  if (before.length === 0) return true;
  const lower = before.toLowerCase();
  if (TITLES.has(lower)) return false;
  const nextCode = next.word.charCodeAt(0);
  if (BEFORE_NUMBER.has(lower) && isDigit(nextCode)) return false;
  if (AMBIGUOUS.has(lower) || SINGLE_LETTER.test(before) || DOTTED_ACRONYM.test(lower)) {
    return startsSentence(next.word, cased);
  }
  // "1. First point": a list number opening the sentence.
  if (LIST_NUMBER.test(before) && period - before.length === sentenceStart) return false;
  return true;
}

function decideBoundary(
  text: string,
  sentenceStart: number,
  runStart: number,
  runEnd: number,
  after: number,
  cased: boolean,
  openStraightQuote: boolean,
): boolean {
  if (after >= text.length) return true;
  let hasCjk = false;
  let hasStrong = false;
  let hasEllipsis = false;
  for (let i = runStart; i < runEnd; i++) {
    const code = text.charCodeAt(i);
    if (isCjkTerminal(code)) hasCjk = true;
    else if (isStrongTerminal(code)) hasStrong = true;
    else if (code === 0x2026) hasEllipsis = true;
  }
  if (hasCjk) return true;
  // "3.5", "U.S.", "example.com", "a@b.org": no space after the mark, no boundary.
  if (!isSpace(text.charCodeAt(after))) return false;
  if (quotationContinues(text, after, cased, openStraightQuote)) return false;
  const next = readNextWord(text, after);
  if (next.blankLine || next.word.length === 0) return true;
  const first = next.word[0] ?? "";
  const closedQuote = after > runEnd && isQuoteCloser(text.charCodeAt(after - 1));
  if (hasStrong) {
    // `"Stop!" he said.` is one sentence: a quotation ending in ! or ? followed by lowercase attribution.
    return !(closedQuote && isLower(first));
  }
  if (hasEllipsis || runEnd - runStart > 1) {
    // "fighting ... should volunteer" goes on; "I waited... Then" ends.
    return isUpper(first) && !(first === "I" && next.word.length === 1);
  }
  // A period closed by a quote or bracket ends the quotation's sentence, in any case.
  if (after > runEnd) return true;
  return periodEndsSentence(text, sentenceStart, runStart, next, cased);
}

/**
 * French spacing puts the closing guillemet after a space: `« Stop ! », a-t-il dit` and `« Stop ! » a-t-il
 * dit` are one sentence. After a sentence mark and spaces: closing quotes, then a comma/semicolon/colon, or
 * (in cased text) a lowercase word, mean the quotation's sentence goes on. A straight quote only closes when
 * one is open; otherwise it opens the next sentence.
 */
function quotationContinues(
  text: string,
  after: number,
  cased: boolean,
  openStraightQuote: boolean,
): boolean {
  let j = after;
  while (
    j < text.length &&
    (text.charCodeAt(j) === Code.Space || text.charCodeAt(j) === Code.Tab)
  ) {
    j++;
  }
  const first = text.charCodeAt(j);
  if (!isQuoteCloser(first) || (isStraightQuote(first) && !openStraightQuote)) return false;
  let k = j;
  while (k < text.length && isQuoteCloser(text.charCodeAt(k))) k++;
  const following = text.charCodeAt(k);
  if (following === 0x2c || following === 0x3b || following === 0x3a) return true;
  if (!cased || !isSpace(following)) return false;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return isLower(text[k] ?? "");
}

function isStraightQuote(code: number): boolean {
  return code === 0x22 || code === 0x27;
}

function isLoneToken(text: string, index: number): boolean {
  return (
    (index === 0 || isSpace(text.charCodeAt(index - 1))) &&
    (index + 1 >= text.length || isSpace(text.charCodeAt(index + 1)))
  );
}

/**
 * A closing quote cut off from its sentence by a space (`… years. ’ figures show`, common in detokenized
 * text) belongs to the sentence before it. Returns the extended end, or -1.
 */
function detachedCloserEnd(text: string, after: number, loneStraightQuotes: number): number {
  let j = after;
  while (
    j < text.length &&
    (text.charCodeAt(j) === Code.Space || text.charCodeAt(j) === Code.Tab)
  ) {
    j++;
  }
  if (j === after || j >= text.length || !isLoneToken(text, j)) return -1;
  const code = text.charCodeAt(j);
  if (code === 0x2019 || code === 0x201d || code === 0x00bb) return j + 1;
  if (isStraightQuote(code) && (j + 1 === text.length || loneStraightQuotes % 2 === 1))
    return j + 1;
  return -1;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Splits text into sentences in one left-to-right pass (linear in the text's length): abbreviation-aware
 * ("Mr.", "Gen.", "U.S. Army", "No. 10", initials), decimal-, URL- and e-mail-safe, quotation-aware
 * (`"Stop!" he said.` is one sentence), and independent of capitals after ordinary words, so lowercased text
 * splits too. A blank line always ends a sentence; CJK full stops need no space after them.
 * `lang` is accepted for callers that know it; the word lists cover English, French, Spanish and German.
 */
export function segmentSentences(text: string, _lang?: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  // Lowercased text (no capital anywhere) cannot use capitals as evidence of a sentence start.
  const cased = HAS_UPPER.test(text);
  // Straight quotes standing alone between spaces (detokenized text: `he said : ' we will '`): an odd count
  // so far means one is open, so the next lone one closes it.
  let loneStraightQuotes = 0;
  let start = -1;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (start < 0) {
      if (isSpace(code)) {
        i++;
        continue;
      }
      start = i;
    }
    if (code === Code.LineFeed) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === Code.Space || text.charCodeAt(j) === Code.Tab)) j++;
      if (j < n && text.charCodeAt(j) === Code.LineFeed) {
        spans.push({ start, end: trimmedEnd(text, start, i) });
        start = -1;
        i = j + 1;
        continue;
      }
      i++;
      continue;
    }
    if (!isTerminal(code)) {
      if (isStraightQuote(code) && isLoneToken(text, i)) loneStraightQuotes++;
      i++;
      continue;
    }
    let runEnd = i;
    while (runEnd < n && isTerminal(text.charCodeAt(runEnd))) runEnd++;
    // A spaced ellipsis ". . ." is one run, not three sentence ends.
    while (
      text.charCodeAt(runEnd - 1) === Code.Period &&
      text.charCodeAt(runEnd) === Code.Space &&
      text.charCodeAt(runEnd + 1) === Code.Period &&
      (runEnd - i > 1 || text.charCodeAt(runEnd + 2) === Code.Space)
    ) {
      runEnd += 2;
      while (runEnd < n && isTerminal(text.charCodeAt(runEnd))) runEnd++;
    }
    let after = runEnd;
    while (after < n && isCloser(text.charCodeAt(after))) after++;
    const openStraightQuote = loneStraightQuotes % 2 === 1;
    if (decideBoundary(text, start, i, runEnd, after, cased, openStraightQuote)) {
      const detached = detachedCloserEnd(text, after, loneStraightQuotes);
      if (detached > 0 && isStraightQuote(text.charCodeAt(detached - 1))) loneStraightQuotes++;
      const end = detached > 0 ? detached : after;
      spans.push({ start, end });
      start = -1;
      i = end;
      continue;
    }
    i = after;
  }
  if (start >= 0) {
    const end = trimmedEnd(text, start, n);
    if (end > start) spans.push({ start, end });
  }
  return spans;
}
