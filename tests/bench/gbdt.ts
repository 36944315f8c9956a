/**
 * Gradient-boosted regression trees for binary labels (logistic loss, second-order splits on histogram bins),
 * the learner behind the summarizer's scorer. Deterministic: subsampling draws from a seeded generator, ties are
 * broken by feature index.
 */
import type { Tree, TreeEnsemble } from "../../shared/summarize/model";
import { seededRandom } from "../support/seeded-random";

export interface BoostOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Minimum summed hessian (weighted) in a child. */
  minChildWeight: number;
  bins: number;
  /** Share of rows each tree is grown on, drawn afresh per tree from a fixed-seed generator (1: all rows). */
  subsample?: number;
  /** Seed of the subsampling generator. */
  seed?: number;
}

interface Node {
  rows: Int32Array;
  depth: number;
}

/**
 * Split points "value < t" for one feature: every distinct value but the smallest when there are at most `bins`
 * of them (flags and counts), else quantiles above the smallest value. Quantiles alone hid a feature set on
 * fewer than 1 row in `bins` (a question, a very long sentence): every quantile was its common value.
 */
function quantileThresholds(values: Float64Array, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  for (const v of sorted) {
    if (distinct.length === 0 || v > (distinct[distinct.length - 1] as number)) {
      distinct.push(v);
      if (distinct.length > bins) break;
    }
  }
  if (distinct.length <= bins) return distinct.slice(1);
  const thresholds: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / bins)] as number;
    if (
      v > (sorted[0] as number) &&
      (thresholds.length === 0 || v > (thresholds[thresholds.length - 1] as number))
    )
      thresholds.push(v);
  }
  return thresholds;
}

/** Trains on rows (features), labels in {0,1} and per-row weights; returns trees in the runtime format. */
export function boost(
  rows: readonly Float64Array[],
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  options: BoostOptions,
): TreeEnsemble {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  // Bin every feature once: a split "value < threshold" becomes "bin < b".
  const thresholds: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let f = 0; f < d; f++) {
    const column = Float64Array.from(rows, (r) => r[f] as number);
    const t = quantileThresholds(column, options.bins);
    thresholds.push(t);
    const bins = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = column[i] as number;
      let lo = 0;
      let hi = t.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v < (t[mid] as number)) hi = mid;
        else lo = mid + 1;
      }
      bins[i] = lo;
    }
    binned.push(bins);
  }

  let weightSum = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    weightSum += weights[i] as number;
    positive += (weights[i] as number) * (labels[i] as number);
  }
  const prior = Math.min(0.99, Math.max(0.01, positive / weightSum));
  const base = Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const ensemble: TreeEnsemble = { base, trees: [] };
  const subsample = options.subsample ?? 1;
  const random = seededRandom(options.seed ?? 1);

  for (let t = 0; t < options.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(margin[i] as number)));
      const w = (weights[i] as number) / weightSum;
      g[i] = w * (p - (labels[i] as number));
      h[i] = w * p * (1 - p);
    }
    const tree: Tree = { f: [], v: [] };
    const build = (node: Node, id: number): void => {
      while (tree.f.length <= id) {
        tree.f.push(-1);
        tree.v.push(0);
      }
      let G = 0;
      let H = 0;
      for (const i of node.rows) {
        G += g[i] as number;
        H += h[i] as number;
      }
      const leafValue = (-G / (H + options.lambda)) * options.learningRate;
      tree.v[id] = leafValue;
      if (node.depth >= options.depth) return;
      const parentScore = (G * G) / (H + options.lambda);
      let bestGain = 1e-12;
      let bestFeature = -1;
      let bestBin = -1;
      const histG = new Float64Array(options.bins + 1);
      const histH = new Float64Array(options.bins + 1);
      for (let f = 0; f < d; f++) {
        const bins = binned[f] as Uint8Array;
        const nb = (thresholds[f] as number[]).length + 1;
        histG.fill(0, 0, nb);
        histH.fill(0, 0, nb);
        for (const i of node.rows) {
          const b = bins[i] as number;
          histG[b] = (histG[b] as number) + (g[i] as number);
          histH[b] = (histH[b] as number) + (h[i] as number);
        }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += histG[b] as number;
          hl += histH[b] as number;
          const gr = G - gl;
          const hr = H - hl;
          if (hl < options.minChildWeight || hr < options.minChildWeight) continue;
          const gain =
            (gl * gl) / (hl + options.lambda) + (gr * gr) / (hr + options.lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = f;
            bestBin = b;
          }
        }
      }
      if (bestFeature < 0) return;
      const bins = binned[bestFeature] as Uint8Array;
      const leftRows = node.rows.filter((i) => (bins[i] as number) <= bestBin);
      const rightRows = node.rows.filter((i) => (bins[i] as number) > bestBin);
      tree.f[id] = bestFeature;
      // Rows in bins 0..bestBin have values below thresholds[bestBin].
      tree.v[id] = (thresholds[bestFeature] as number[])[bestBin] as number;
      build({ rows: leftRows, depth: node.depth + 1 }, 2 * id + 1);
      build({ rows: rightRows, depth: node.depth + 1 }, 2 * id + 2);
    };
    const all = Int32Array.from({ length: n }, (_, i) => i);
    build({ rows: subsample < 1 ? all.filter(() => random() < subsample) : all, depth: 0 }, 0);
    ensemble.trees.push(tree);
    for (let i = 0; i < n; i++) {
      let node = 0;
      const row = rows[i] as Float64Array;
      while ((tree.f[node] as number) >= 0) {
        node =
          (row[tree.f[node] as number] as number) < (tree.v[node] as number)
            ? 2 * node + 1
            : 2 * node + 2;
      }
      margin[i] = (margin[i] as number) + (tree.v[node] as number);
    }
  }
  return ensemble;
}
