/**
 * The learned sentence scorer: a small ensemble of boosted regression trees over FEATURE_NAMES, fitted by
 * tests/bench/train-summarizer.ts on the dev data and committed in weights.json. Trees, not a linear model,
 * because the right weighting of position against centrality depends on how much of the article is asked for.
 */
import { FEATURE_COUNT, FEATURE_NAMES } from "./features";
import { type TreeEnsemble, treeSums } from "./trees";

const IN_LEAD_K = FEATURE_NAMES.indexOf("inLeadK");
const K_OVER_N = FEATURE_NAMES.indexOf("kOverN");
const LOG_WORDS = FEATURE_NAMES.indexOf("logWords");
/** Words a sentence may have before the length prior starts to count against it. */
const FREE_WORDS = 30;

import trained from "./weights.json";

export type { Tree, TreeEnsemble } from "./trees";

export interface ScorerWeights extends TreeEnsemble {
  method: string;
  features: readonly string[];
  /** Cosine similarity (tf-idf, within the article) above which two sentences count as near-duplicates. */
  redundancyThreshold: number;
  /** Share of a sentence's word trigrams already in the summary above which it is skipped (1: never). */
  trigramOverlap?: number;
  /**
   * Added to the logit of the first k sentences, scaled by max(0, 1 - leadSlope·k/n): oracle labels reward whatever
   * overlapped the reference with hindsight, which under-rates how reliably a news lead summarizes when little
   * of the article is asked for. Tuned by cross-validation on the dev data.
   */
  leadBonus: number;
  leadSlope: number;
  /**
   * Subtracted from the logit per 10 words beyond FREE_WORDS: when a number of sentences is asked for, a long one
   * takes the room of two, and run-on sentences (captions joined to the next paragraph) are long. The trees
   * learn what makes a sentence worth taking, not what its length costs the rest of the summary.
   */
  lengthPenalty?: number;
}

function checkedWeights(candidate: ScorerWeights): ScorerWeights {
  const sameFeatures =
    candidate.features.length === FEATURE_COUNT &&
    candidate.features.every((name, i) => name === FEATURE_NAMES[i]);
  if (!sameFeatures) {
    // A programming error, not bad input: the weights were trained for a different feature list.
    throw new Error(
      "shared/summarize/weights.json does not match FEATURE_NAMES; retrain the scorer",
    );
  }
  return candidate;
}

export const DEFAULT_WEIGHTS: ScorerWeights = checkedWeights(trained as ScorerWeights);

/** The logit before the trees: the base, the lead prior and the length prior. */
function priorLogit(features: Float64Array, model: ScorerWeights): number {
  const leadPrior = Math.max(0, 1 - model.leadSlope * (features[K_OVER_N] as number));
  const words = Math.round(Math.expm1(features[LOG_WORDS] as number));
  const lengthPrior = ((model.lengthPenalty ?? 0) * Math.max(0, words - FREE_WORDS)) / 10;
  return model.base + model.leadBonus * leadPrior * (features[IN_LEAD_K] as number) - lengthPrior;
}

/**
 * Each row's probability-like score in (0, 1). An article's rows at once: the trees score them together for
 * less work than row by row (trees.ts), and each row's score is the one it gets alone.
 */
export function scoreSentences(rows: readonly Float64Array[], model: ScorerWeights): number[] {
  const initial = rows.map((row) => priorLogit(row, model));
  return Array.from(treeSums(model.trees, rows, initial), (z) => 1 / (1 + Math.exp(-z)));
}
