/**
 * Stands in for "#summarize/stopwords" (shared/summarize/stopwords.ts) in the Lambda bundles: the same lists,
 * one file per language in lazy/stopwords/, read when an article in that language is first summarized.
 */
import { readLazyJson, readLazyText } from "./lazy-files.mjs";

let languages;

export function stopwordsOf(code) {
  languages ??= new Set(readLazyJson("stopwords/languages.json"));
  const text = languages.has(code) ? readLazyText(`stopwords/${code}.txt`) : "";
  return text === "" ? [] : text.split("\n");
}
