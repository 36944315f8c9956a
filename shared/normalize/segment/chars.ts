/** Character classes the segmenter consults, by UTF-16 code unit. Switches, not regexes: the scan calls them per character. */

export const Code = {
  Tab: 0x09,
  LineFeed: 0x0a,
  CarriageReturn: 0x0d,
  Space: 0x20,
  Quote: 0x22,
  Apostrophe: 0x27,
  Period: 0x2e,
  Ellipsis: 0x2026,
  FullWidthPeriod: 0xff0e,
} as const;

/**
 * The code unit at `i`, or -1 outside the text, reached without an out-of-bounds read: optimized code assumes
 * reads in bounds and is thrown away (deoptimized, then compiled again) at the first read past either end,
 * which the scan makes where a mark ends the text. -1 rather than charCodeAt's NaN: every class check below
 * says no to both, and a small integer keeps the integer comparisons the code was optimized for.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** The character at `i`, "" outside the text, as codeAt reads it. */
export function charAt(text: string, i: number): string {
  return i >= 0 && i < text.length ? text.charAt(i) : "";
}

/**
 * The characters isSpace and isBullet accept, as bodies of regex character classes: the home of both lists,
 * which the regexes of the segmenter are built from. The predicates stay comparisons on the code unit (the scan
 * calls them per character); a test over every UTF-16 code unit holds each to its class.
 */
export const SPACE_CLASS = " \\n\\t\\r\\u00a0\\u3000\\u2000-\\u200a";
/** `• 9. The first item • 10. The second item`: bullets open a list item wherever they stand. */
export const BULLET_CLASS = "\\u2022\\u2043\\u25aa\\u25e6\\u2023\\u25cf";

/** A character of SPACE_CLASS. */
export function isSpace(code: number): boolean {
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

/**
 * Sentence ends that need no space after them: CJK full stops and marks, the Ethiopic full stop and question
 * mark (Amharic runs sentences together: `…አለህ፧መልካም…`), the Burmese section marks, the Devanagari danda.
 */
export function isTightTerminal(code: number): boolean {
  switch (code) {
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff61: // ｡
    case 0xff0e: // ． (not between digits: see isDecimalPoint)
    case 0x1362: // ። Ethiopic full stop
    case 0x1367: // ፧ Ethiopic question mark
    case 0x1368: // ፨ Ethiopic paragraph separator
    case 0x104b: // ။ Burmese section
    case 0x104f: // ၏ Burmese genitive, also closes a sentence in literary style
    case 0x0964: // । Devanagari danda
    case 0x0965: // ॥ double danda
      return true;
    default:
      return false;
  }
}

/** "!" "?" and their equivalents in other scripts: they end a sentence whatever word comes before them. */
export function isStrongTerminal(code: number): boolean {
  switch (code) {
    case 0x21: // !
    case 0x3f: // ?
    case 0x037e: // ; Greek question mark
    case 0x061f: // ؟ Arabic question mark
    case 0x06d4: // ۔ Urdu full stop
    case 0x0589: // ։ Armenian full stop
    case 0x203c: // ‼
    case 0x2047: // ⁇
    case 0x2048:
    case 0x2049:
      return true;
    default:
      return false;
  }
}

/** Opening brackets and quotes skipped to find the first letter of the next word. */
export function isOpener(code: number): boolean {
  switch (code) {
    case 0x22: // "
    case 0x27: // '
    case 0x28: // (
    case 0x5b: // [
    case 0x201c: // “
    case 0x2018: // ‘
    case 0x00ab: // «
    case 0x00bb: // » (German and Danish open with it)
    case 0x2039: // ‹
    case 0x201e: // „
    case 0x201a: // ‚
    case 0x00bf: // ¿
    case 0x00a1: // ¡
    case 0x300c: // 「
    case 0x300e: // 『
    case 0x300a: // 《
    case 0xff08: // （
      return true;
    default:
      return false;
  }
}

/**
 * Quotes and brackets that close what a sentence mark ends, wherever they stand: `"Stop!"`, `(sic.)`, `」`,
 * French `Stop ! »`.
 */
export function isCloser(code: number): boolean {
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

/**
 * Right after a sentence mark, with no space, a quote can only close: so the marks that open in one language
 * and close in another close here. `.“` ends a German quotation („…“), `.«` a Danish one (»…«).
 */
export function isAttachedCloser(code: number): boolean {
  return isCloser(code) || code === 0x201c || code === 0x2018 || code === 0x00ab || code === 0x2039;
}

export function isBracketCloser(code: number): boolean {
  return code === 0x29 || code === 0x5d || code === 0x7d || code === 0xff09;
}

export function isStraightQuote(code: number): boolean {
  return code === Code.Quote || code === Code.Apostrophe;
}

export function isDash(code: number): boolean {
  return code === 0x2d || code === 0x2013 || code === 0x2014;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** ASCII or full-width digit: Japanese writes "３．２９％". */
export function isAnyDigit(code: number): boolean {
  return isAsciiDigit(code) || (code >= 0xff10 && code <= 0xff19);
}

// ASCII first: these run at every candidate boundary, and case-mapping a string allocates.
export function isUpper(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** A character of BULLET_CLASS. */
export function isBullet(code: number): boolean {
  return (
    code === 0x2022 || // •
    code === 0x2043 || // ⁃
    code === 0x25aa || // ▪
    code === 0x25e6 || // ◦
    code === 0x2023 || // ‣
    code === 0x25cf // ●
  );
}
