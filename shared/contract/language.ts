/**
 * Language codes, one home: the primary subtag and the languages written without spaces between words.
 * (The validator and canonical form still live with their callers; see the issue-14 notes.)
 */

/** "pt-BR" → "pt", "zh_Hant" → "zh": lowercased, "-" or "_" separated (Apertium modes use "_"). */
export function primaryLanguage(code: string): string {
  return code.toLowerCase().split(/[-_]/)[0] ?? "";
}

/** Primary subtags of languages written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese, Tibetan). */
export const UNSPACED_LANGUAGES: ReadonlySet<string> = new Set([
  "zh",
  "ja",
  "th",
  "lo",
  "km",
  "my",
  "bo",
]);

export function isUnspacedLanguage(code: string): boolean {
  return UNSPACED_LANGUAGES.has(primaryLanguage(code));
}
