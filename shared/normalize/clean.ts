/**
 * Text cleanup shared by every format: one line ending, NFC, and the invisible characters that break
 * word matching, sentence splitting and translation (non-breaking and zero-width spaces, soft hyphens).
 */

// NBSP, narrow NBSP, figure space, the typographic spaces, medium math space, ideographic space, tab, VT, FF.
const SPACES = /[\u00a0\u202f\u2007\u2000-\u2006\u2008-\u200a\u205f\u3000\t\v\f]/g;
// Zero-width space, word joiner, BOM inside text, soft hyphen, and C0/C1 controls other than "\n".
// ZWJ/ZWNJ stay: they carry meaning in Persian, Indic scripts and emoji.
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]|[^\P{Cc}\n]/gu;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;

export function cleanText(raw: string): string {
  return raw
    .replace(LINE_BREAKS, "\n")
    .replace(SPACES, " ")
    .replace(INVISIBLE, "")
    .normalize("NFC");
}

/** One line of running text: every whitespace run becomes one space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
