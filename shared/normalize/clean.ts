/**
 * Text cleanup shared by every format: one line ending, NFC, and the invisible characters that break
 * word matching, sentence splitting and translation (non-breaking and zero-width spaces, soft hyphens).
 */

/** What each character that needs cleaning becomes ("" = dropped). Anything else is kept as is. */
function replacementOf(code: number): string | undefined {
  if (code < 0x20) {
    if (code === 0x0a) return undefined;
    // Tab, vertical tab and form feed are spacing; "\r" is handled by the caller; other C0 controls go.
    return code === 0x09 || code === 0x0b || code === 0x0c ? " " : "";
  }
  if (code < 0x7f) return undefined;
  if (code <= 0x9f) return code === 0x85 ? "\n" : ""; // DEL and C1 controls; NEL is a line break
  switch (code) {
    case 0x00a0: // no-break space
    case 0x2007: // figure space
    case 0x202f: // narrow no-break space
    case 0x205f: // medium mathematical space
    case 0x3000: // ideographic space
      return " ";
    case 0x00ad: // soft hyphen
    case 0x200b: // zero-width space
    case 0x2060: // word joiner
    case 0xfeff: // BOM / zero-width no-break space
      return "";
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
      return "\n";
    default:
      // The typographic spaces U+2000–U+200A. ZWNJ/ZWJ (U+200C/D) stay: Persian, Indic scripts, emoji.
      return code >= 0x2000 && code <= 0x200a ? " " : undefined;
  }
}

/**
 * Every code unit replacementOf (or the "\r" case) changes, as one character class; global, so that test()
 * from lastIndex finds the next one.
 */
const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: C0 and C1 controls are what gets cleaned
  /[\0-\x09\x0b-\x1f\x7f-\xa0\xad\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;

/**
 * The text with every code unit to clean replaced, then NFC. Most texts have nothing to clean: one native scan
 * finds that out, and the copying below runs only for the others.
 */
export function cleanText(raw: string): string {
  NEEDS_CLEANING.lastIndex = 0;
  if (!NEEDS_CLEANING.test(raw)) return raw.normalize("NFC");
  return replaceUnclean(raw, NEEDS_CLEANING.lastIndex - 1).normalize("NFC");
}

/**
 * Copies the text with its code units to clean replaced, from the first (at `first`) on, copying only where
 * something changes (a 10 MB article is cleaned without the intermediate copies a chain of replace() calls
 * would make); the native search leaps from one to the next. Apart from cleanText, which runs for every
 * text, so that cleanText stays small to optimize.
 */
function replaceUnclean(raw: string, first: number): string {
  const next = NEEDS_CLEANING;
  const parts: string[] = [];
  let copied = 0;
  let i = first;
  for (;;) {
    const code = raw.charCodeAt(i);
    let replacement: string | undefined;
    let skip = 0;
    if (code === 0x0d) {
      replacement = "\n";
      if (i + 1 < raw.length && raw.charCodeAt(i + 1) === 0x0a) skip = 1;
    } else {
      replacement = replacementOf(code);
    }
    if (replacement !== undefined) {
      if (i > copied) parts.push(raw.slice(copied, i));
      parts.push(replacement);
      i += skip;
      copied = i + 1;
    }
    next.lastIndex = i + 1;
    if (!next.test(raw)) break;
    i = next.lastIndex - 1;
  }
  if (parts.length === 0) return raw;
  parts.push(raw.slice(copied));
  return parts.join("");
}

/** Whitespace other than a plain space: one of the two things collapsing changes inside a line. */
const NOT_SPACE_WHITESPACE = /[^\S ]/;

/**
 * Whether collapsing would change the text: a plain space at either end, whitespace other than a plain space,
 * or two spaces in a row. Two native searches, each for one thing: /[^\S ]| {2}/ tries both alternatives at
 * every space, which costs more than the two together, and a loop over every character costs more still
 * (before it is optimized, much more).
 */
function needsCollapse(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  return (
    text.charCodeAt(0) === 0x20 ||
    text.charCodeAt(n - 1) === 0x20 ||
    NOT_SPACE_WHITESPACE.test(text) ||
    text.includes("  ")
  );
}

/** One line of running text: every whitespace run becomes one space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  return needsCollapse(text) ? text.replace(/\s+/g, " ").trim() : text;
}
