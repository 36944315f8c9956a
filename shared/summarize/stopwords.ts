/** stopwords-iso's list of a language. */
import lists from "stopwords-iso/stopwords-iso.json";

const STOPWORDS: Readonly<Record<string, readonly string[]>> = lists;

/** The stopwords of an ISO 639-1 code (lowercase, no region), none for a language stopwords-iso lacks. */
export function stopwordsOf(code: string): readonly string[] {
  return Object.hasOwn(STOPWORDS, code) ? (STOPWORDS[code] ?? []) : [];
}
