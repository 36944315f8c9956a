/**
 * The article-extraction benchmark's own metric (scrapinghub/article-extraction-benchmark, as described in
 * ../shared/eval/README.md): word tokens (Python's Unicode `\w+`: letters, digits, underscore; no combining
 * marks), overlapping 4-token shingles counted as a multiset; per page TP/FP/FN divided by their sum.
 * Precision is the mean over pages with a non-empty prediction, recall the mean over pages with a non-empty
 * truth, F1 the harmonic mean of those two means.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

/** As the benchmark: a text shorter than 4 tokens is one shorter shingle; an empty text has none. */
function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < last; i++) {
    const piece = tokens.slice(i, i + SHINGLE);
    if (piece.length === 0) continue;
    const key = piece.join("\u0000");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function scorePage(truth: string, prediction: string): PageScore {
  const expected = shingles(truth);
  const predicted = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of predicted) {
    const wanted = expected.get(key) ?? 0;
    tp += Math.min(count, wanted);
    fp += Math.max(0, count - wanted);
  }
  for (const [key, count] of expected) fn += Math.max(0, count - (predicted.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function summarize(scores: PageScore[]): { f1: number; precision: number; recall: number } {
  const precision = mean(scores.filter((s) => s.tp + s.fp > 0).map((s) => s.tp / (s.tp + s.fp)));
  const recall = mean(scores.filter((s) => s.tp + s.fn > 0).map((s) => s.tp / (s.tp + s.fn)));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}
