/**
 * The per-sentence features' character tests as scans of code units with cached classes, instead of regular
 * expressions: /["“”«»„]|(?:^|\s)[‘']/u (no fast first-character scan for it), text.match(/\p{N}/gu) (an array
 * of one-character strings per sentence), and three tests at the start or end of the text, where calling into
 * a regular expression cost more than the few characters read. Same answers: tests/unit/summarize/marks.test.ts.
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

/**
 * \s as a table: ECMAScript's white space (tab, vertical tab, form feed, space, no-break space, BOM and the Zs
 * spaces) and line terminators. One load, the same for every unit: a comparison first reached by a non-ASCII
 * unit after V8 has optimized a caller would meet no type feedback and throw the optimized code away.
 */
const SPACES = new Uint8Array(0x10000);
for (const code of [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f,
]) {
  SPACES[code] = 1;
}
SPACES.fill(1, 0x2000, 0x200b);
SPACES[0x3000] = 1;
SPACES[0xfeff] = 1;

/** @param code a UTF-16 code unit (not past the text's end) */
function isSpace(code: number): boolean {
  return SPACES[code] === 1;
}

/** /^\s*["“‘'«„]/u: the text opens with a quotation mark. */
export function startsWithQuote(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const code = text.charCodeAt(i);
  return (
    code === 0x22 ||
    code === 0x201c ||
    code === 0x2018 ||
    code === 0x27 ||
    code === 0xab ||
    code === 0x201e
  );
}

/** /[?¿？]\s*["”’»]?\s*$/u: the text ends with a question mark, maybe inside a closing quote. */
export function endsWithQuestion(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const last = text.charCodeAt(i);
  if (last === 0x22 || last === 0x201d || last === 0x2019 || last === 0xbb) {
    i--;
    while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  }
  const code = text.charCodeAt(i);
  return code === 0x3f || code === 0xbf || code === 0xff1f;
}

/** /^[^:]{1,40}:\s/u: a colon and a space within the first 40 code points ("Police: the man …"). */
export function hasEarlyColon(text: string): boolean {
  const colon = text.indexOf(":");
  if (colon < 1 || colon + 1 >= text.length || !isSpace(text.charCodeAt(colon + 1))) return false;
  if (colon <= 40) return true;
  // Over 80 code units before it is over 40 code points, whatever pairs there are.
  if (colon > 80) return false;
  let points = 0;
  for (let i = 0; i < colon; i++, points++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < colon) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
  }
  return points <= 40;
}
