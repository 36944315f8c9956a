import type { NormalizedArticle, Sentence } from "../contract/article";
import type { ArticleSummary } from "../contract/summary";
import type { ArticleTranslation, TranslatedBlock } from "../contract/translation";
import { SCHEMA_VERSION } from "../contract/version";
import { ArticleMisalignedError, TranslationMisalignedError } from "./errors";
import type { TranslationMemory, Translator } from "./port";
import { primaryLanguage } from "./transport";

export interface TranslateArticleInput {
  article: NormalizedArticle;
  summary: ArticleSummary;
  targetLanguage: string;
  translator: Translator;
  /** Passed to the engine: answers paid for by earlier deliveries of this job (see TranslateTextsRequest). */
  memory?: TranslationMemory;
}

/**
 * One article into one language: every sentence is translated once, in one engine call; blocks and the
 * summary are rebuilt from the translated sentences by id, so the summary in the target language is exactly
 * the translation of the summary's sentences and costs nothing more.
 */
export async function translateArticle(input: TranslateArticleInput): Promise<ArticleTranslation> {
  const { article, summary, targetLanguage, translator } = input;
  const sentences = sentencesById(article);
  const summaryIds = summary.sentences.map((s) => s.id);
  const file = article.source.name;
  for (const id of summaryIds) {
    if (!sentences.has(id)) {
      throw new ArticleMisalignedError(
        `the summary picks sentence ${id}, which the article lacks`,
        file,
      );
    }
  }
  const sourceLanguage = article.language.code;

  if (sameLanguage(sourceLanguage, targetLanguage)) {
    return build(input, "copy", sourceLanguage, (s) => s.text, {
      settings: {},
      charactersBilled: 0,
      requests: 0,
    });
  }

  const texts = article.sentences.map((s) => s.text);
  if (texts.every((text) => text.trim() === "")) {
    // Nothing to translate (an empty article): no engine call, so no pair check and no bill.
    return build(input, translator.engine, sourceLanguage, (s) => s.text, {
      settings: translator.settings,
      charactersBilled: 0,
      requests: 0,
    });
  }
  const result = await translator.translateTexts({
    sourceLanguage,
    targetLanguage,
    texts,
    ...(input.memory ? { memory: input.memory } : {}),
  });
  if (result.texts.length !== texts.length) {
    throw new TranslationMisalignedError(
      `${translator.engine} returned ${result.texts.length} translations for ${texts.length} sentences`,
      file,
    );
  }
  const translated = new Map(article.sentences.map((s, i) => [s.id, result.texts[i] ?? ""]));
  return build(
    input,
    translator.engine,
    result.detectedSourceLanguage ?? sourceLanguage,
    (s) => translated.get(s.id) ?? "",
    {
      settings: translator.settings,
      charactersBilled: result.charactersBilled,
      requests: result.requests,
    },
  );
}

/**
 * "fr" → "fr-CA" is a real translation for Amazon Translate only in the target's spelling; the normalizer
 * reports bare codes, so the same primary language means there is nothing to translate.
 */
export function sameLanguage(source: string, target: string): boolean {
  return primaryLanguage(source) === primaryLanguage(target);
}

function build(
  input: TranslateArticleInput,
  engine: ArticleTranslation["engine"],
  sourceLanguage: string,
  textOf: (sentence: Sentence) => string,
  cost: Pick<ArticleTranslation, "settings" | "charactersBilled" | "requests">,
): ArticleTranslation {
  const { article, summary, targetLanguage } = input;
  const sentences = sentencesById(article);
  const blocks: TranslatedBlock[] = article.blocks.map((block) => ({
    id: block.id,
    type: block.type,
    sentences: block.sentenceIds.map((id) => {
      const sentence = sentences.get(id);
      if (!sentence) {
        throw new ArticleMisalignedError(
          `block ${block.id} names sentence ${id}, which the article lacks`,
          article.source.name,
        );
      }
      return { id, text: textOf(sentence) };
    }),
  }));
  const summaryIds = summary.sentences.map((s) => s.id);
  const summaryTexts = summaryIds.map((id) => {
    const sentence = sentences.get(id);
    return sentence ? textOf(sentence) : "";
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    engine,
    sourceLanguage,
    targetLanguage,
    blocks,
    summary: { sentenceIds: summaryIds, text: summaryTexts.join("\n") },
    charactersBilled: cost.charactersBilled,
    requests: cost.requests,
    settings: cost.settings,
  };
}

function sentencesById(article: NormalizedArticle): Map<string, Sentence> {
  return new Map(article.sentences.map((s) => [s.id, s]));
}
