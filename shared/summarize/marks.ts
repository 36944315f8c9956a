/**
 * Two per-sentence features' character tests as one scan of code units with cached classes, instead of
 * /["“”«»„]|(?:^|\s)[‘']/u (no fast first-character scan for it) and text.match(/\p{N}/gu) (an array of
 * one-character strings per sentence). Same answers: tests/unit/summarize/marks.test.ts.
 */

const NUMBER = /^\p{N}$/u;
const SPACE = /^\s$/u;

const UNKNOWN = 0;
const NUMBER_UNIT = 1;
const SPACE_UNIT = 2;
const OTHER_UNIT = 3;
/** What each BMP code unit is, filled in as units are met; surrogates are classed by pair. */
const unitClass = new Uint8Array(0x10000);

function classOf(unit: number): number {
  let kind = unitClass[unit] as number;
  if (kind === UNKNOWN) {
    const char = String.fromCharCode(unit);
    kind = NUMBER.test(char) ? NUMBER_UNIT : SPACE.test(char) ? SPACE_UNIT : OTHER_UNIT;
    unitClass[unit] = kind;
  }
  return kind;
}

function isQuoteMark(code: number): boolean {
  return (
    code === 0x22 || // "
    code === 0x201c || // “
    code === 0x201d || // ”
    code === 0xab || // «
    code === 0xbb || // »
    code === 0x201e // „
  );
}

function isOpeningSingleQuote(code: number): boolean {
  return code === 0x2018 || code === 0x27; // ‘ '
}

export interface SentenceMarks {
  /** Code points in \p{N} (digits of any script, numerals, fractions). */
  numberChars: number;
  /** A double quote or guillemet anywhere, or a single quote opening a word. */
  hasQuote: boolean;
}

export function sentenceMarks(text: string): SentenceMarks {
  let numberChars = 0;
  let hasQuote = false;
  let afterSpace = true; // the start of the text counts as after a space
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // A pair is one code point; no quote mark or space lies outside the BMP.
        if (NUMBER.test(text.slice(i, i + 2))) numberChars++;
        afterSpace = false;
        i++;
        continue;
      }
    }
    if (!hasQuote && (isQuoteMark(code) || (afterSpace && isOpeningSingleQuote(code)))) {
      hasQuote = true;
    }
    const kind = code >= 0x30 && code <= 0x39 ? NUMBER_UNIT : classOf(code);
    if (kind === NUMBER_UNIT) numberChars++;
    afterSpace = kind === SPACE_UNIT;
  }
  return { numberChars, hasQuote };
}
