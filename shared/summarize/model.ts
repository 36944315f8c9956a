/**
 * The learned sentence scorer: a small ensemble of boosted regression trees over FEATURE_NAMES, fitted by
 * tests/bench/train-summarizer.ts on the dev data and committed in weights.json. Trees, not a linear model,
 * because the right weighting of position against centrality depends on how much of the article is asked for.
 */
import { FEATURE_COUNT, FEATURE_NAMES } from "./features";

const IN_LEAD_K = FEATURE_NAMES.indexOf("inLeadK");
const K_OVER_N = FEATURE_NAMES.indexOf("kOverN");

import trained from "./weights.json";

/**
 * One tree in heap layout: node i has children 2i+1 (taken when the feature's value < v[i]) and 2i+2.
 * f[i] is the feature index, or -1 for a leaf whose score is v[i].
 */
export interface Tree {
  f: number[];
  v: number[];
}

export interface TreeEnsemble {
  base: number;
  trees: Tree[];
}

export interface ScorerWeights extends TreeEnsemble {
  method: string;
  features: readonly string[];
  /** Cosine similarity (tf-idf, within the article) above which two sentences count as near-duplicates. */
  redundancyThreshold: number;
  /**
   * Added to the logit of the first k sentences, scaled by max(0, 1 - leadSlope·k/n): oracle labels reward whatever
   * overlapped the reference with hindsight, which under-rates how reliably a news lead summarizes when little
   * of the article is asked for. Tuned by cross-validation on the dev data.
   */
  leadBonus: number;
  leadSlope: number;
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

/**
 * All trees of an ensemble in three flat typed arrays (node i of tree t at start[t] + i): no per-tree or
 * per-node object is touched while scoring, and the loop stays monomorphic whatever arrays the weights came in.
 */
interface FlatEnsemble {
  start: Int32Array;
  feature: Int32Array;
  value: Float64Array;
}

/** Keyed by the trees array, which copies of a model with other lead or redundancy settings share. */
const flattened = new WeakMap<readonly Tree[], FlatEnsemble>();

/** Trees are read once, on their first scoring: an ensemble is not changed after it is used. */
function flatEnsemble(model: TreeEnsemble): FlatEnsemble {
  let flat = flattened.get(model.trees);
  if (flat === undefined) {
    const start = new Int32Array(model.trees.length + 1);
    model.trees.forEach((tree, t) => {
      start[t + 1] = (start[t] as number) + tree.f.length;
    });
    const feature = new Int32Array(start[model.trees.length] as number);
    const value = new Float64Array(feature.length);
    model.trees.forEach((tree, t) => {
      feature.set(tree.f, start[t]);
      value.set(tree.v, start[t]);
    });
    flat = { start, feature, value };
    flattened.set(model.trees, flat);
  }
  return flat;
}

/** Probability-like score in (0, 1). */
export function scoreSentence(features: Float64Array, model: ScorerWeights): number {
  const { start, feature, value } = flatEnsemble(model);
  const leadPrior = Math.max(0, 1 - model.leadSlope * (features[K_OVER_N] as number));
  let z = model.base + model.leadBonus * leadPrior * (features[IN_LEAD_K] as number);
  // The same additions in the same order as tree-by-tree objects would do: scores stay bit-identical.
  for (let t = 0, trees = start.length - 1; t < trees; t++) {
    const root = start[t] as number;
    let node = 0;
    let f = feature[root] as number;
    while (f >= 0) {
      node = (features[f] as number) < (value[root + node] as number) ? 2 * node + 1 : 2 * node + 2;
      f = feature[root + node] as number;
    }
    z += value[root + node] as number;
  }
  return 1 / (1 + Math.exp(-z));
}
