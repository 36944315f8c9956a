import type { ArticleTranslation } from "../contract/translation";
import { type TranslateArticleInput, translateArticle } from "./translate-article";

export type LanguageResult =
  | { language: string; status: "succeeded"; translation: ArticleTranslation }
  | { language: string; status: "failed"; error: Error };

export interface TranslateToLanguagesInput extends Omit<TranslateArticleInput, "targetLanguage"> {
  targetLanguages: readonly string[];
}

/**
 * Every language at once, each on its own: one failing (an unsupported pair, a service outage) neither fails
 * nor redoes the others. The engine's own concurrency limit paces the requests of all languages together.
 */
export async function translateArticleToLanguages(
  input: TranslateToLanguagesInput,
): Promise<LanguageResult[]> {
  const languages = [...new Set(input.targetLanguages)];
  const settled = await Promise.allSettled(
    languages.map((targetLanguage) => translateArticle({ ...input, targetLanguage })),
  );
  return settled.map((outcome, i): LanguageResult => {
    const language = languages[i] ?? "";
    return outcome.status === "fulfilled"
      ? { language, status: "succeeded", translation: outcome.value }
      : { language, status: "failed", error: asError(outcome.reason) };
  });
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
