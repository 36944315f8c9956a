/**
 * Extractive summary of a normalized article: scores every body sentence (paragraph, quote and list-item
 * blocks; never the title, dek, headings or captions), picks the best without near-duplicates, and returns them
 * in document order.
 */
import type { BlockType, NormalizedArticle, Sentence } from "../contract/article";
import type { ArticleSummary, SummaryLength, SummarySentence } from "../contract/summary";
import { SCHEMA_VERSION } from "../contract/version";
import { InvalidSummaryLengthError } from "./errors";
import { analyzeArticle } from "./features";
import { languageProfile } from "./language";
import { DEFAULT_WEIGHTS, type ScorerWeights, scoreSentences } from "./model";
import { requestedCount, selectSentences } from "./select";

export { InvalidSummaryLengthError } from "./errors";

export const DEFAULT_SUMMARY_LENGTH: SummaryLength = { mode: "sentences", value: 3 };

const BODY_BLOCKS: ReadonlySet<BlockType> = new Set(["paragraph", "quote", "list-item"]);

export function bodySentences(article: NormalizedArticle): Sentence[] {
  const bodyBlockIds = new Set(
    article.blocks.filter((b) => BODY_BLOCKS.has(b.type)).map((b) => b.id),
  );
  return article.sentences.filter((s) => bodyBlockIds.has(s.blockId));
}

/** Throws InvalidSummaryLengthError naming `file` unless the length can be honoured. */
export function checkSummaryLength(length: SummaryLength, file: string): void {
  const { mode, value } = length;
  const valid =
    Number.isFinite(value) &&
    value > 0 &&
    (mode === "ratio" ? value <= 1 : mode === "sentences" || mode === "words") &&
    (mode === "ratio" || Number.isInteger(value));
  if (!valid) {
    throw new InvalidSummaryLengthError(
      `summary length ${JSON.stringify(length)} is not valid: sentences and words take a positive integer, ratio a number in (0, 1]`,
      file,
    );
  }
}

/** The scores of every body sentence, in order (exposed for training and evaluation tooling). */
export function scoreBodySentences(
  texts: readonly string[],
  count: number,
  languageCode: string,
  model: ScorerWeights = DEFAULT_WEIGHTS,
) {
  const analysis = analyzeArticle(texts, count, languageProfile(languageCode));
  return { analysis, scores: scoreSentences(analysis.features, model) };
}

export function summarizeArticle(
  article: NormalizedArticle,
  length: SummaryLength = DEFAULT_SUMMARY_LENGTH,
  model: ScorerWeights = DEFAULT_WEIGHTS,
): ArticleSummary {
  checkSummaryLength(length, article.source.name);
  const body = bodySentences(article);
  const base = {
    schemaVersion: SCHEMA_VERSION,
    language: article.language.code,
    method: model.method,
    length,
  };
  if (body.length === 0) {
    return { ...base, sentences: [], text: "", reason: "article has no body sentence" };
  }

  const texts = body.map((s) => s.text);
  const count = requestedCount(length, texts);
  const { analysis, scores } = scoreBodySentences(texts, count, article.language.code, model);
  const selection = selectSentences(
    scores,
    analysis.sentences,
    analysis.tokens,
    length,
    count,
    model.redundancyThreshold,
    model.trigramOverlap,
  );

  const sentences: SummarySentence[] = selection.indices.map((i) => {
    const sentence = body[i] as Sentence;
    return { id: sentence.id, text: sentence.text, score: scores[i] as number, position: i };
  });
  const summary: ArticleSummary = {
    ...base,
    sentences,
    text: sentences.map((s) => s.text).join("\n"),
  };
  const reason = shortfallReason(
    length,
    body.length,
    sentences.length,
    selection.skippedAsDuplicates,
  );
  if (reason) summary.reason = reason;
  return summary;
}

function shortfallReason(
  length: SummaryLength,
  available: number,
  picked: number,
  duplicates: number,
): string | undefined {
  if (length.mode !== "sentences" || picked >= length.value) return undefined;
  if (available < length.value) {
    return `article has ${available} body sentence${available === 1 ? "" : "s"}, fewer than the ${length.value} asked`;
  }
  return `${duplicates} near-duplicate sentence${duplicates === 1 ? "" : "s"} skipped`;
}
