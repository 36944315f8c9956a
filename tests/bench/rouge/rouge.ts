/**
 * ROUGE with the semantics of Google's rouge_score (the scorer behind the reference numbers in
 * ../shared/eval/README.md): lowercase, every run of characters outside [a-z0-9] becomes a space, tokens longer
 * than 3 characters are Porter-stemmed (NLTK's default mode), ROUGE-N over n-gram counts, and ROUGE-Lsum as the
 * summary-level union LCS over newline-separated sentences with ROUGE-1.5.5's guard against double counting.
 */
import { porterStem } from "./porter";

export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeLsum: RougeScore;
}

const ZERO: RougeScore = { precision: 0, recall: 0, fmeasure: 0 };
const STEM_CACHE = new Map<string, string>();

function stemCached(token: string): string {
  let stem = STEM_CACHE.get(token);
  if (stem === undefined) {
    stem = porterStem(token);
    // Bounded so a long benchmark run cannot grow the cache without limit.
    if (STEM_CACHE.size < 200_000) STEM_CACHE.set(token, stem);
  }
  return stem;
}

export function tokenize(text: string, useStemmer = true): string[] {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9]+/g, " ");
  const tokens: string[] = [];
  for (const raw of cleaned.split(/\s+/)) {
    if (raw.length === 0) continue;
    tokens.push(useStemmer && raw.length > 3 ? stemCached(raw) : raw);
  }
  return tokens;
}

export function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    // "\u0001" cannot occur in a token (tokens are [a-z0-9]+), so joined keys never collide.
    const key = tokens.slice(i, i + n).join("\u0001");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(
  target: readonly string[],
  prediction: readonly string[],
  n: number,
): RougeScore {
  const targetCounts = ngramCounts(target, n);
  const predictionCounts = ngramCounts(prediction, n);
  let overlap = 0;
  let targetTotal = 0;
  let predictionTotal = 0;
  for (const [gram, count] of targetCounts) {
    overlap += Math.min(count, predictionCounts.get(gram) ?? 0);
    targetTotal += count;
  }
  for (const count of predictionCounts.values()) predictionTotal += count;
  const precision = overlap / Math.max(predictionTotal, 1);
  const recall = overlap / Math.max(targetTotal, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

function lcsTable(ref: readonly string[], can: readonly string[]): Uint32Array[] {
  const table: Uint32Array[] = [];
  for (let i = 0; i <= ref.length; i++) table.push(new Uint32Array(can.length + 1));
  for (let i = 1; i <= ref.length; i++) {
    const row = table[i] as Uint32Array;
    const above = table[i - 1] as Uint32Array;
    for (let j = 1; j <= can.length; j++) {
      row[j] =
        ref[i - 1] === can[j - 1]
          ? (above[j - 1] as number) + 1
          : Math.max(above[j] as number, row[j - 1] as number);
    }
  }
  return table;
}

/**
 * Indices into `ref` of one LCS, read back the way rouge_score does (prefer moving left only when strictly
 * better), because which of several equally long LCSs is chosen changes the union in ROUGE-Lsum.
 */
export function lcsIndices(ref: readonly string[], can: readonly string[]): number[] {
  const table = lcsTable(ref, can);
  const indices: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if ((table[i]?.[j - 1] as number) > (table[i - 1]?.[j] as number)) {
      j--;
    } else {
      i--;
    }
  }
  return indices.reverse();
}

export function summaryLevelLcs(
  refSentences: readonly (readonly string[])[],
  canSentences: readonly (readonly string[])[],
): RougeScore {
  if (refSentences.length === 0 || canSentences.length === 0) return ZERO;
  const m = refSentences.reduce((sum, s) => sum + s.length, 0);
  const n = canSentences.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return ZERO;

  const refCounts = new Map<string, number>();
  const canCounts = new Map<string, number>();
  for (const s of refSentences) for (const t of s) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  for (const s of canSentences) for (const t of s) canCounts.set(t, (canCounts.get(t) ?? 0) + 1);

  let hits = 0;
  for (const ref of refSentences) {
    const union = new Set<number>();
    for (const can of canSentences) for (const index of lcsIndices(ref, can)) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = ref[index] as string;
      const inCandidate = canCounts.get(token) ?? 0;
      const inReference = refCounts.get(token) ?? 0;
      if (inCandidate > 0 && inReference > 0) {
        hits++;
        canCounts.set(token, inCandidate - 1);
        refCounts.set(token, inReference - 1);
      }
    }
  }
  const recall = hits / m;
  const precision = hits / n;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

function sentencesOf(text: string): string[] {
  return text.split("\n").filter((line) => line.length > 0);
}

/** Scores one prediction against one target, both with sentences separated by "\n". */
export function scoreRouge(target: string, prediction: string): RougeScores {
  const targetTokens = tokenize(target);
  const predictionTokens = tokenize(prediction);
  return {
    rouge1: rougeN(targetTokens, predictionTokens, 1),
    rouge2: rougeN(targetTokens, predictionTokens, 2),
    rougeLsum: summaryLevelLcs(
      sentencesOf(target).map((s) => tokenize(s)),
      sentencesOf(prediction).map((s) => tokenize(s)),
    ),
  };
}
