/**
 * Stands in for "#summarize/stopwords" (shared/summarize/stopwords.ts) in the Lambda bundles: the same lists,
 * one file per language in lazy/stopwords/, read when an article in that language is first summarized.
 */
import { STOPWORD_LANGUAGES_FILE, stopwordsFile } from "./lazy-file-names.mjs";
import { readLazyJson, readLazyText } from "./lazy-files.mjs";

let languages;

export function stopwordsOf(code) {
  languages ??= new Set(readLazyJson(STOPWORD_LANGUAGES_FILE));
  const text = languages.has(code) ? readLazyText(stopwordsFile(code)) : "";
  return text === "" ? [] : text.split("\n");
}
