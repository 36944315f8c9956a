import {
  Code,
  charAt,
  codeAt,
  isBracketCloser,
  isCloser,
  isDash,
  isLower,
  isOpener,
  isSpace,
  isStraightQuote,
  isStrongTerminal,
  isTightTerminal,
  isUpper,
} from "./chars";
import type { LanguageRules } from "./languages";
import { periodEndsSentence } from "./period";
import { readNextWord, readWordBefore } from "./words";

/** Names spelled with "!": the mark is part of the name, not a sentence end ("She works at Yahoo! in…"). */
const EXCLAMATION_NAMES = new Set(["yahoo", "jeopardy", "joomla", "yum"]);
const LOWERCASE_WORD = /^\p{Ll}{3,}$/u;

/** One run of sentence marks and what surrounds it, as the scanner found it. */
export interface Run {
  /** Start of the current sentence. */
  sentenceStart: number;
  /** The marks: [start, end). */
  start: number;
  end: number;
  /** Past the quotes and brackets glued to the marks. */
  after: number;
  cased: boolean;
  /** A lone straight quote is open (detokenized text: `he said : ' we will '`). */
  openStraightQuote: boolean;
  rules: LanguageRules;
}

/** Does the sentence end after this run of marks (and its closing quotes)? */
export function decideBoundary(text: string, run: Run): boolean {
  const { start, end, after, cased } = run;
  // A sentence is more than its marks: ". . . The practice" and "...en toen" open with an ellipsis.
  if (start === run.sentenceStart) return false;
  if (after >= text.length) return true;
  let tight = false;
  let strong = false;
  let ellipsis = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === Code.Period) continue;
    if (isTightTerminal(code)) tight = true;
    else if (isStrongTerminal(code) || run.rules.terminals.has(code)) strong = true;
    else if (code === Code.Ellipsis) ellipsis = true;
  }
  const closed = after > end;
  // "[...]": an editor's cut, inside the sentence.
  if (closed && text.charCodeAt(end) === 0x5d) return false;
  const following = text.charCodeAt(after);
  if (tight) {
    // 「…。」と言った: a quotation the sentence goes on after.
    return !closed || isSpace(following) || isOpener(following) || isTightTerminal(following);
  }
  if (!isSpace(following)) return !strong && !ellipsis && missingSpace(text, run);
  if (quotationContinues(text, after, cased, run.openStraightQuote)) return false;
  const next = readNextWord(text, after);
  if (next.blankLine || next.word.length === 0) return true;
  const first = next.word[0] ?? "";
  if (strong) {
    // A bracket closing in lowercased text tells nothing: "(… a thread lift?) brand new to the market".
    const quoted = closed && (cased || !isBracketCloser(text.charCodeAt(after - 1)));
    if (isLower(first) && (quoted || exclaimedName(text, run))) return false;
    return !(cased && isDash(first.charCodeAt(0)) && dashThenLowercase(text, after));
  }
  if (ellipsis || end - start > 1) {
    // "fighting ... should volunteer" goes on; "I waited... Then" ends.
    return isUpper(first) && !(first === "I" && next.word.length === 1);
  }
  // `"This is great." she said.`, "(… an engineer.) at the local University": the quotation or aside ends,
  // the sentence goes on; before a capital, both end.
  if (closed) return !(cased && isLower(first));
  return periodEndsSentence(text, run.sentenceStart, start, next, cased, run.rules);
}

/**
 * A period with no space after it ends a sentence only where a space is plainly missing: a lowercase word,
 * then a capital and another letter ("жағдайы.XVIII ғасырдың", "the end.The next"). "U.S.A", "3.5",
 * "example.com", "Jane.Doe" and "Sig.ra" stay whole.
 */
function missingSpace(text: string, run: Run): boolean {
  if (!run.cased || run.end - run.start !== 1 || run.after !== run.end) return false;
  if (text.charCodeAt(run.start) !== Code.Period) return false;
  const capital = charAt(text, run.after);
  const letter = charAt(text, run.after + 1);
  if (!isUpper(capital) || !(isUpper(letter) || isLower(letter))) return false;
  return LOWERCASE_WORD.test(readWordBefore(text, run.sentenceStart, run.start));
}

function exclaimedName(text: string, run: Run): boolean {
  const before = readWordBefore(text, run.sentenceStart, run.start);
  return EXCLAMATION_NAMES.has(before.toLowerCase());
}

/** "Бірақ оның енді не керегі бар? — деді.": a dash and a lowercase word carry the speaker's words on. */
function dashThenLowercase(text: string, after: number): boolean {
  let j = after;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  while (j < text.length && isDash(text.charCodeAt(j))) j++;
  // Spanish glues the dash to the verb: "¿Vienes? —preguntó ella."
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return isLower(charAt(text, j));
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
  const first = codeAt(text, j);
  if (!isQuoteCloser(first) || (isStraightQuote(first) && !openStraightQuote)) return false;
  let k = j;
  while (k < text.length && isQuoteCloser(text.charCodeAt(k))) k++;
  const following = codeAt(text, k);
  if (following === 0x2c || following === 0x3b || following === 0x3a) return true;
  if (!cased || !isSpace(following)) return false;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return isLower(charAt(text, k));
}

function isQuoteCloser(code: number): boolean {
  return isCloser(code) && code !== 0x29 && code !== 0x5d && code !== 0x7d && code !== 0xff09;
}

export function isLoneToken(text: string, index: number): boolean {
  return (
    (index === 0 || isSpace(text.charCodeAt(index - 1))) &&
    (index + 1 >= text.length || isSpace(text.charCodeAt(index + 1)))
  );
}

/**
 * A closing quote cut off from its sentence by a space (`… years. ’ figures show`, common in detokenized
 * text) belongs to the sentence before it. Returns the extended end, or -1.
 */
export function detachedCloserEnd(text: string, after: number, loneStraightQuotes: number): number {
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
