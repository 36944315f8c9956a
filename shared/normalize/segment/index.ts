import { hasUppercase } from "../../text/case";
import { warmUpOnFirstUse } from "../../v8/warm-up";
import { decideBoundary, detachedCloserEnd, isLoneToken } from "./boundary";
import {
  Code,
  codeAt,
  isAnyDigit,
  isAttachedCloser,
  isSpace,
  isStraightQuote,
  isStrongTerminal,
  isTightTerminal,
} from "./chars";
import { mayEnclose, OpenPairs } from "./enclosures";
import { type LanguageRules, rulesFor } from "./languages";
import { findListMarkers, type ListMarkers, mayMarkList } from "./lists";
import { WARM_UP } from "./warm-up";
import { readNextWord } from "./words";

/** A sentence as offsets into the segmented text (UTF-16 code units), end exclusive, no outer whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** One tracker for every call, reset at the start: the scan never re-enters, and paragraphs are many. */
const PAIRS = new OpenPairs();
const ARABIC_COMMA = 0x060c;

/**
 * The first character the scan must look at from lastIndex on (a global regex, for test()): anything but the
 * plain characters, ASCII that is never a sentence mark, a quote, a bracket or a line feed (letters, digits,
 * the space and some punctuation: " ,-%$&*+/=#@<>^_`{|}~"). List starts are checked apart.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (the line feed among them) are not plain
const NOT_PLAIN = /[\0-\x1f!"'().:;?[\]\x7f-\uffff]/g;

/**
 * Past the plain characters from `i` on, stopping at `stop` (where a list item starts; a list item may start
 * at a digit or letter): the bulk of Latin text, found by a native search, which is as fast as an optimized
 * loop on a paragraph's runs and many times faster before the loop is optimized.
 */
function skipPlain(text: string, i: number, stop: number): number {
  const notPlain = NOT_PLAIN;
  notPlain.lastIndex = i;
  const end = notPlain.test(text) ? notPlain.lastIndex - 1 : text.length;
  return stop >= i && stop < end ? stop : end;
}

/** Is the character at `i` a sentence mark here (in this language, at this place)? Called per character. */
function isTerminalAt(
  text: string,
  i: number,
  rules: LanguageRules,
  listPeriods: Set<number> | undefined,
): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) {
    if (code === Code.Period) return rules.periodEnds && !listPeriods?.has(i);
    if (code === 0x21 || code === 0x3f) return true;
    return (code === 0x3a || code === 0x3b) && rules.terminals.has(code);
  }
  // Latin-1 and Latin Extended letters, Cyrillic: no mark in these ranges.
  if (code < 0x037e || (code >= 0x0400 && code < 0x0589)) return false;
  if (code === Code.Ellipsis || isStrongTerminal(code)) return true;
  if (code === Code.FullWidthPeriod) {
    // "３．２９％": a decimal point in full-width digits.
    return !(isAnyDigit(codeAt(text, i - 1)) && isAnyDigit(codeAt(text, i + 1)));
  }
  if (isTightTerminal(code)) return true;
  if (!rules.terminals.has(code)) return false;
  // "X، Y، Z": the Arabic comma inside an enumeration does not end a sentence.
  return !(code === ARABIC_COMMA && readNextWord(text, i + 1).word.endsWith("،"));
}

/**
 * MLA's four-dot ellipsis: "compounds. . . . The practice" ends the sentence at "compounds." and opens the
 * next with the ellipsis; "period . . . ." (the first dot spaced) and a final "abandoned. . . ." are one mark.
 */
function endsBeforeSpacedEllipsis(text: string, i: number): boolean {
  if (codeAt(text, i + 1) !== Code.Space || codeAt(text, i + 2) !== Code.Period) return false;
  if (i === 0 || isSpace(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === Code.Period)
    return false;
  return SPACED_ELLIPSIS_THEN_CAPITAL.test(text.slice(i + 1, i + 12));
}
const SPACED_ELLIPSIS_THEN_CAPITAL = /^(?: \.){3}\s+\p{Lu}/u;

/** ". ." at `runEnd - 1`: a spaced ellipsis may go on from the run (rare: spacedEllipsisEnd decides). */
function isSpacedPeriodNext(text: string, runEnd: number): boolean {
  return (
    text.charCodeAt(runEnd - 1) === Code.Period &&
    codeAt(text, runEnd) === Code.Space &&
    codeAt(text, runEnd + 1) === Code.Period
  );
}

/**
 * A spaced ellipsis ". . ." is one run, not three sentence ends: the end of the run of marks from `start`
 * (ending at `runEnd`) once the ellipsis it opens or continues is taken in.
 */
function spacedEllipsisEnd(
  text: string,
  start: number,
  runEnd: number,
  rules: LanguageRules,
  listPeriods: Set<number> | undefined,
): number {
  if (runEnd - start === 1 && endsBeforeSpacedEllipsis(text, start)) return runEnd;
  const n = text.length;
  let end = runEnd;
  while (
    isSpacedPeriodNext(text, end) &&
    (end - start > 1 || codeAt(text, end + 2) === Code.Space)
  ) {
    end += 2;
    while (end < n && isTerminalAt(text, end, rules, listPeriods)) end++;
  }
  return end;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Splits text into sentences in one left-to-right pass (linear in the text's length) with the rules of the
 * text's language (`lang`, a BCP 47 code; without it, English, French, Spanish and German lists together):
 * abbreviations ("Mr.", "Lic.", "z. B.", "Кв. 234"), dotted ordinals ("am 12. Juni"), initials and dotted
 * acronyms ("U.S. Army"), decimals, URLs and e-mails; brackets (a mark inside brackets that close later is
 * no sentence end); closing quotes and brackets of every language, after which the next word decides
 * (`"Stop!" he said.`, `„Genug.“ Dann`); inline lists ("1.) … 2.) …", "a. …
 * b. …", "• …"); full-width and other scripts' marks (。！？ ። ፧ । ۔ ؟, Greek ";", Armenian ":"). Lowercased
 * text splits too: where no capitals tell a sentence start, a list of sentence openers does. A blank line
 * always ends a sentence.
 */
export function segmentSentences(
  text: string,
  lang?: string,
  /** False when the caller knows the text has no uppercase letter (it is not scanned for one again). */
  mayBeCased = true,
): SentenceSpan[] {
  warmUp();
  return scan(text, lang, mayBeCased);
}

/**
 * WARM_UP's lines, segmented before the first text (shared/v8/warm-up.ts). Three rounds: the first makes more
 * than CALLS_BEFORE_FEEDBACK calls of scan, so the next two leave their feedback.
 */
const warmUp = warmUpOnFirstUse(() => {
  for (let round = 0; round < 3; round++) {
    for (const [text, lang] of WARM_UP) scan(text, lang, true);
  }
});

function scan(text: string, lang: string | undefined, mayBeCased: boolean): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  const rules = rulesFor(lang);
  // Lowercased text (no capital anywhere) cannot use capitals as evidence of a sentence start.
  const cased = mayBeCased && hasUppercase(text);
  const pairs = PAIRS;
  pairs.reset();
  // The list search runs on demand, once: most paragraphs hold no list.
  let lists: ListMarkers | null | undefined;
  let listPeriods: Set<number> | undefined;
  let listStarts: number[] = [];
  let nextList = 0;
  let nextListStart = -1;
  // Straight quotes standing alone between spaces (detokenized text: `he said : ' we will '`): an odd count
  // so far means one is open, so the next lone one closes it.
  let loneStraightQuotes = 0;
  let start = -1;
  let i = 0;
  while (i < n) {
    if (start >= 0) {
      i = skipPlain(text, i, nextListStart);
      if (i >= n) break;
    }
    const code = text.charCodeAt(i);
    if (start < 0) {
      if (isSpace(code)) {
        i++;
        continue;
      }
      start = i;
    }
    if (
      lists === undefined &&
      (code === 0x2e || code === 0x29 || code > 0x2000) &&
      mayMarkList(text, i, code)
    ) {
      lists = findListMarkers(text);
      listPeriods = lists?.periods;
      listStarts = lists?.starts ?? [];
      // Items that began before this point, in this sentence: "Items: 1. First" seen at its period.
      while (nextList < listStarts.length && (listStarts[nextList] as number) < i) {
        const itemStart = listStarts[nextList++] as number;
        if (itemStart > start) {
          spans.push({ start, end: trimmedEnd(text, start, itemStart) });
          start = itemStart;
        }
      }
      nextListStart = nextList < listStarts.length ? (listStarts[nextList] as number) : -1;
    }
    if (nextListStart >= 0 && nextListStart <= i) {
      if (nextListStart === i && start < i) {
        // An inline list item starts here: the previous item ends, mark or not.
        spans.push({ start, end: trimmedEnd(text, start, i) });
        start = i;
      }
      while (nextList < listStarts.length && (listStarts[nextList] as number) <= i) nextList++;
      nextListStart = nextList < listStarts.length ? (listStarts[nextList] as number) : -1;
    }
    if (code === Code.LineFeed) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === Code.Space || text.charCodeAt(j) === Code.Tab)) j++;
      if (j < n && text.charCodeAt(j) === Code.LineFeed) {
        pairs.reset();
        spans.push({ start, end: trimmedEnd(text, start, i) });
        start = -1;
        i = j + 1;
        continue;
      }
      i++;
      continue;
    }
    if (!isTerminalAt(text, i, rules, listPeriods)) {
      if (mayEnclose(code)) pairs.see(i, code);
      if (isStraightQuote(code) && isLoneToken(text, i)) loneStraightQuotes++;
      i++;
      continue;
    }
    let runEnd = i;
    while (runEnd < n && isTerminalAt(text, runEnd, rules, listPeriods)) runEnd++;
    if (isSpacedPeriodNext(text, runEnd)) {
      runEnd = spacedEllipsisEnd(text, i, runEnd, rules, listPeriods);
    }
    let after = runEnd;
    while (after < n && isAttachedCloser(text.charCodeAt(after))) after++;
    for (let j = runEnd; j < after; j++) {
      const closer = text.charCodeAt(j);
      if (mayEnclose(closer)) pairs.see(j, closer);
    }
    // Inside a quotation or brackets that close later, not right here: no sentence end.
    const enclosed = after < n && pairs.encloses(text, i, after);
    const run = {
      sentenceStart: start,
      start: i,
      end: runEnd,
      after,
      cased,
      openStraightQuote: loneStraightQuotes % 2 === 1,
      rules,
    };
    if (!enclosed && decideBoundary(text, run)) {
      const detached = detachedCloserEnd(text, after, loneStraightQuotes);
      if (detached > 0 && isStraightQuote(text.charCodeAt(detached - 1))) loneStraightQuotes++;
      const end = detached > 0 ? detached : after;
      if (detached > 0 && mayEnclose(text.charCodeAt(end - 1))) {
        pairs.see(end - 1, text.charCodeAt(end - 1));
      }
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
