import type { NormalizedArticle, Sentence } from "../contract/article";
import { primaryLanguage } from "../contract/language";
import type { ArticleSummary } from "../contract/summary";
import type { ArticleTranslation, TranslatedBlock } from "../contract/translation";
import { SCHEMA_VERSION } from "../contract/version";
import { ArticleMisalignedError, TranslationMisalignedError } from "./errors";
import {
  partialTranslationOf,
  type StopSignal,
  type Translator,
  withPartialTranslation,
} from "./port";

export interface TranslateArticleInput {
  article: NormalizedArticle;
  summary: ArticleSummary;
  targetLanguage: string;
  translator: Translator;
  /** Sentences already translated (and paid for) by earlier attempts: reused, never sent again. */
  resume?: ResumeFrom;
  /** Passed to the engine: once aborted it sends nothing more and fails with what it got. */
  signal?: StopSignal;
}

export interface ResumeFrom {
  /** Sentence id → its translation. */
  translations: ReadonlyMap<string, string>;
  /** The source language the engine detected then, for an article whose language was undetermined. */
  detectedSourceLanguage?: string;
}

/**
 * What a failed translateArticle got before it failed, by sentence id, attached to the engine's error (same
 * type): the caller keeps it so the next attempt sends only the rest.
 */
export interface PartialArticleTranslation {
  translations: Map<string, string>;
  charactersBilled: number;
  requests: number;
  detectedSourceLanguage?: string;
}

const PARTIAL_ARTICLE = Symbol.for("article-pipeline.partialArticleTranslation");

export function partialArticleTranslationOf(error: unknown): PartialArticleTranslation | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  return (error as { [PARTIAL_ARTICLE]?: PartialArticleTranslation })[PARTIAL_ARTICLE];
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

  const known = input.resume?.translations ?? new Map<string, string>();
  const texts = article.sentences.map((s) => s.text);
  const detectedBefore = input.resume?.detectedSourceLanguage;
  const pending = article.sentences.filter((s) => !known.has(s.id) && s.text.trim() !== "");
  if (pending.length === 0) {
    // Nothing (left) to translate: no engine call, so no pair check and no bill.
    return build(input, translator.engine, detectedBefore ?? sourceLanguage, textOr(known), {
      settings: translator.settings,
      charactersBilled: 0,
      requests: 0,
    });
  }
  let result: Awaited<ReturnType<Translator["translateTexts"]>>;
  try {
    result = await translator.translateTexts({
      sourceLanguage,
      targetLanguage,
      texts,
      ...(known.size > 0 ? { translated: article.sentences.map((s) => known.get(s.id)) } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    });
  } catch (error) {
    throw withPartialArticle(error, article.sentences);
  }
  if (result.texts.length !== texts.length) {
    throw new TranslationMisalignedError(
      `${translator.engine} returned ${result.texts.length} translations for ${texts.length} sentences`,
      file,
    );
  }
  // What was paid for before is kept as it was, whatever an engine that ignores `translated` returns.
  const translated = new Map(article.sentences.map((s, i) => [s.id, result.texts[i] ?? ""]));
  for (const [id, text] of known) translated.set(id, text);
  return build(
    input,
    translator.engine,
    detectedBefore ?? result.detectedSourceLanguage ?? sourceLanguage,
    textOr(translated),
    {
      settings: translator.settings,
      charactersBilled: result.charactersBilled,
      requests: result.requests,
    },
  );
}

function textOr(translations: ReadonlyMap<string, string>): (s: Sentence) => string {
  return (s) => translations.get(s.id) ?? s.text;
}

/** The engine's partial answer (aligned with what was sent) re-keyed by sentence id, on the same error. */
function withPartialArticle(error: unknown, sent: readonly Sentence[]): unknown {
  const partial = partialTranslationOf(error);
  if (!partial) return error;
  const translations = new Map<string, string>();
  sent.forEach((s, i) => {
    const text = partial.texts[i];
    if (text !== undefined) translations.set(s.id, text);
  });
  const carrier = withPartialTranslation(error, partial);
  const byId: PartialArticleTranslation = {
    translations,
    charactersBilled: partial.charactersBilled,
    requests: partial.requests,
    ...(partial.detectedSourceLanguage
      ? { detectedSourceLanguage: partial.detectedSourceLanguage }
      : {}),
  };
  Object.defineProperty(carrier, PARTIAL_ARTICLE, { value: byId, configurable: true });
  return carrier;
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
