/**
 * chrF as sacreBLEU 2.x computes it with its defaults (CHRF(): char_order=6, word_order=0, beta=2,
 * lowercase=False, whitespace=False, eps_smoothing=False), so scores compare with published ones:
 * - whitespace is removed before counting (Python's str.split() whitespace, listed exactly below);
 * - n-grams are of code points (Python str), n = 1..6;
 * - a corpus score sums the [hypothesis, reference, match] counts of every segment, then computes one score;
 * - precision and recall are averaged over the orders where both sides have n-grams ("effective order"),
 *   then combined as F-beta, ×100.
 */
export interface ChrfOptions {
  charOrder?: number;
  beta?: number;
}

/** The characters Python's str.split() splits on (str.isspace()), which differ from JavaScript's \s. */
const PYTHON_WHITESPACE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Python's isspace() includes U+001C–U+001F.
  /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

const DEFAULT_ORDER = 6;
const DEFAULT_BETA = 2;

function charNgrams(text: string, order: number): Map<string, number>[] {
  const chars = Array.from(text.replace(PYTHON_WHITESPACE, ""));
  const counters: Map<string, number>[] = [];
  for (let n = 1; n <= order; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join("");
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    counters.push(counts);
  }
  return counters;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/** [hypothesis n-grams, reference n-grams, matches] for n = 1..order, flattened. */
export function chrfStatistics(
  hypothesis: string,
  reference: string,
  order = DEFAULT_ORDER,
): number[] {
  const hyp = charNgrams(hypothesis, order);
  const ref = charNgrams(reference, order);
  const stats: number[] = [];
  for (let i = 0; i < order; i++) {
    const h = hyp[i] ?? new Map<string, number>();
    const r = ref[i] ?? new Map<string, number>();
    let matches = 0;
    for (const [gram, count] of h) matches += Math.min(count, r.get(gram) ?? 0);
    stats.push(total(h), total(r), matches);
  }
  return stats;
}

export function chrfFromStatistics(stats: readonly number[], options: ChrfOptions = {}): number {
  const order = options.charOrder ?? DEFAULT_ORDER;
  const factor = (options.beta ?? DEFAULT_BETA) ** 2;
  let precision = 0;
  let recall = 0;
  let effectiveOrder = 0;
  for (let i = 0; i < order; i++) {
    const [hyp = 0, ref = 0, match = 0] = stats.slice(3 * i, 3 * i + 3);
    if (hyp > 0 && ref > 0) {
      precision += match / hyp;
      recall += match / ref;
      effectiveOrder++;
    }
  }
  if (effectiveOrder === 0) return 0;
  precision /= effectiveOrder;
  recall /= effectiveOrder;
  if (precision + recall === 0) return 0;
  return (100 * ((1 + factor) * precision * recall)) / (factor * precision + recall);
}

export function sentenceChrf(
  hypothesis: string,
  reference: string,
  options: ChrfOptions = {},
): number {
  return chrfFromStatistics(chrfStatistics(hypothesis, reference, options.charOrder), options);
}

export function corpusChrf(
  hypotheses: readonly string[],
  references: readonly string[],
  options: ChrfOptions = {},
): number {
  if (hypotheses.length !== references.length) {
    throw new RangeError(`${hypotheses.length} hypotheses for ${references.length} references`);
  }
  const order = options.charOrder ?? DEFAULT_ORDER;
  const sums = new Array<number>(order * 3).fill(0);
  hypotheses.forEach((hypothesis, i) => {
    chrfStatistics(hypothesis, references[i] ?? "", order).forEach((value, k) => {
      sums[k] = (sums[k] ?? 0) + value;
    });
  });
  return chrfFromStatistics(sums, options);
}
