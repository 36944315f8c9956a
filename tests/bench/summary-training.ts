/**
 * Pieces shared by the scorer's training script and the benchmark: oracle labels, logistic regression and
 * ROUGE evaluation of the full summarizer (scoring + selection) on prepared dev articles.
 */

import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { scoreBodySentences } from "../../shared/summarize";
import type { SentenceAnalysis } from "../../shared/summarize/features";
import { FEATURE_NAMES } from "../../shared/summarize/features";
import { type ScorerWeights, scoreSentences } from "../../shared/summarize/model";
import { selectSentences } from "../../shared/summarize/select";
import { type BoostOptions, boost } from "./gbdt";
import { type RougeScores, rougeN, scoreRouge, tokenize } from "./rouge/rouge";
import { DATASETS, EVAL_DIR, type EvalArticle } from "./summary-data";

export interface PreparedArticle {
  source: string;
  file: string;
  k: number;
  reference: string;
  body: string[];
  analysis: { sentences: SentenceAnalysis[]; features: Float64Array[]; tokens: Int32Array[] };
  labels: Uint8Array;
  /** Each sentence's own ROUGE-1 + ROUGE-2 F1 against the reference, scaled so the article's best is 1. */
  soft: Float64Array;
}

export function softLabels(body: readonly string[], reference: string): Float64Array {
  const refTokens = tokenize(reference);
  const scores = Float64Array.from(body, (s) => {
    const tokens = tokenize(s);
    return rougeN(refTokens, tokens, 1).fmeasure + rougeN(refTokens, tokens, 2).fmeasure;
  });
  const max = scores.reduce((m, x) => Math.max(m, x), 1e-9);
  return scores.map((x) => x / max);
}

/** Greedy extractive oracle of exactly k sentences (or all when fewer), maximizing ROUGE-1 + ROUGE-2 F1. */
export function oracleLabels(body: readonly string[], reference: string, k: number): Uint8Array {
  const labels = new Uint8Array(body.length);
  const refTokens = tokenize(reference);
  const sentenceTokens = body.map((s) => tokenize(s));
  const chosen: number[] = [];
  for (let step = 0; step < Math.min(k, body.length); step++) {
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < body.length; i++) {
      if (labels[i]) continue;
      const candidate = [...chosen, i]
        .sort((a, b) => a - b)
        .flatMap((j) => sentenceTokens[j] ?? []);
      const score =
        rougeN(refTokens, candidate, 1).fmeasure + rougeN(refTokens, candidate, 2).fmeasure;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) break;
    labels[best] = 1;
    chosen.push(best);
  }
  return labels;
}

export function prepare(
  articles: readonly EvalArticle[],
  file: string,
  source: string,
  k: number,
  language: string,
): PreparedArticle[] {
  return articles.map(({ row, body }) => {
    const { analysis } = scoreBodySentences(body, Math.min(k, body.length), language);
    return {
      source,
      file,
      k,
      reference: row.reference,
      body,
      analysis,
      labels: oracleLabels(body, row.reference, k),
      soft: softLabels(body, row.reference),
    };
  });
}

/**
 * The prepared dev articles, from `cache` when it holds them for the same feature list and data files (size and
 * modification time), else from `prepareAll`, then saved to `cache`. Code changes to the features or the
 * normalizer are not detected: the cache is a scratch file for runs that change only training options.
 */
export function preparedDevArticles(
  prepareAll: () => PreparedArticle[],
  cache?: string,
): PreparedArticle[] {
  const key = JSON.stringify([
    FEATURE_NAMES,
    DATASETS.map(({ file }) => {
      const { size, mtimeMs } = statSync(join(EVAL_DIR, file));
      return [file, size, mtimeMs];
    }),
  ]);
  if (cache && existsSync(cache)) {
    const saved = deserialize(readFileSync(cache)) as { key: string; articles: PreparedArticle[] };
    if (saved.key === key) return saved.articles;
  }
  const articles = prepareAll();
  if (cache) writeFileSync(cache, serialize({ key, articles }));
  return articles;
}

export interface TrainOptions extends BoostOptions {
  redundancyThreshold: number;
  trigramOverlap: number;
  /** Relative weight of each source (summed over its articles), e.g. { cnndm: 1, bbc: 1, orangesum: 1 }. */
  sourceWeights: Record<string, number>;
  /** Target = (1 - softMix) × oracle membership + softMix × the sentence's own scaled ROUGE. */
  softMix: number;
  leadBonus: number;
  leadSlope: number;
  lengthPenalty: number;
  bags?: number;
}

export const METHOD = "boosted-trees-position-centrality-v1";

/** Each source weighs as its sourceWeights entry says, spread evenly over its articles and their sentences. */
/**
 * With options.bags > 1, fits one ensemble per subsample (bag b leaves out every article whose index ≡ b mod
 * bags) and averages them: the trees are concatenated with their leaf values divided by the number of bags.
 */
export function train(articles: readonly PreparedArticle[], options: TrainOptions): ScorerWeights {
  const bags = options.bags ?? 1;
  if (bags <= 1) return trainOne(articles, options);
  const models = Array.from({ length: bags }, (_, b) =>
    trainOne(
      articles.filter((_, i) => i % bags !== b),
      options,
    ),
  );
  const first = models[0] as ScorerWeights;
  return {
    ...first,
    base: models.reduce((sum, m) => sum + m.base, 0) / bags,
    trees: models.flatMap((m) =>
      m.trees.map((t) => ({
        f: t.f,
        v: t.v.map((v, i) => ((t.f[i] as number) < 0 ? v / bags : v)),
      })),
    ),
  };
}

function trainOne(articles: readonly PreparedArticle[], options: TrainOptions): ScorerWeights {
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  const perSource = new Map<string, number>();
  for (const a of articles) perSource.set(a.source, (perSource.get(a.source) ?? 0) + 1);
  for (const a of articles) {
    const articleWeight = (options.sourceWeights[a.source] ?? 1) / (perSource.get(a.source) ?? 1);
    a.analysis.features.forEach((row, i) => {
      rows.push(row);
      labels.push(
        (1 - options.softMix) * (a.labels[i] as number) + options.softMix * (a.soft[i] as number),
      );
      weights.push(articleWeight / Math.max(1, a.body.length));
    });
  }
  const ensemble = boost(rows, labels, weights, options);
  return {
    method: METHOD,
    features: [...FEATURE_NAMES],
    base: ensemble.base,
    trees: ensemble.trees,
    redundancyThreshold: options.redundancyThreshold,
    trigramOverlap: options.trigramOverlap,
    leadBonus: options.leadBonus,
    leadSlope: options.leadSlope,
    lengthPenalty: options.lengthPenalty,
  };
}

export interface DatasetScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

function mean(scores: readonly RougeScores[]): DatasetScores {
  const n = Math.max(1, scores.length);
  const sum = (pick: (s: RougeScores) => number) =>
    (100 * scores.reduce((a, s) => a + pick(s), 0)) / n;
  return {
    rouge1: sum((s) => s.rouge1.fmeasure),
    rouge2: sum((s) => s.rouge2.fmeasure),
    rougeL: sum((s) => s.rougeLsum.fmeasure),
  };
}

export function evaluate(
  articles: readonly PreparedArticle[],
  model: ScorerWeights,
): DatasetScores {
  return mean(
    articles.map((a) => {
      const scores = scoreSentences(a.analysis.features, model);
      const length = { mode: "sentences", value: a.k } as const;
      const { indices } = selectSentences(
        scores,
        a.analysis.sentences,
        a.analysis.tokens,
        length,
        Math.min(a.k, a.body.length),
        model.redundancyThreshold,
        model.trigramOverlap,
      );
      return scoreRouge(a.reference, indices.map((i) => a.body[i]).join("\n"));
    }),
  );
}

export function evaluateLead(articles: readonly PreparedArticle[]): DatasetScores {
  return mean(articles.map((a) => scoreRouge(a.reference, a.body.slice(0, a.k).join("\n"))));
}
