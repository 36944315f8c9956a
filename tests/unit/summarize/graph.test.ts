import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GraphSentence, graphRanks } from "../../../shared/summarize/graph";

const WINDOW = 50;
const DAMPING = 0.85;

/**
 * The graphs as first written: every pair within the window compared by a merge of the two id-sorted vectors,
 * edges of positive weight listed in (i, j) order, then weighted PageRank. The arithmetic is written out in
 * the order the summarizer has always taken it, so the ranks must match to the last bit.
 */
function reference(sentences: readonly GraphSentence[]): { textRank: number[]; lexRank: number[] } {
  const n = sentences.length;
  const sorted = sentences.map((s) =>
    [...s.termIds]
      .map((id, t) => ({ id, weight: s.weights[t] as number }))
      .sort((a, b) => a.id - b.id),
  );
  const width = Math.max(1, Math.min(WINDOW, n - 1));
  const overlap: [number, number, number][] = [];
  const cosine: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j <= i + width && j < n; j++) {
      const a = sorted[i] ?? [];
      const b = sorted[j] ?? [];
      let shared = 0;
      let sum = 0;
      for (let x = 0, y = 0; x < a.length && y < b.length; ) {
        const left = a[x] as { id: number; weight: number };
        const right = b[y] as { id: number; weight: number };
        if (left.id < right.id) x++;
        else if (left.id > right.id) y++;
        else {
          shared++;
          sum += left.weight * right.weight;
          x++;
          y++;
        }
      }
      const denominator = Math.log(Math.max(1, a.length)) + Math.log(Math.max(1, b.length));
      const overlapWeight = denominator <= 0 ? 0 : shared / denominator;
      if (overlapWeight > 0) overlap.push([i, j, overlapWeight]);
      if (sum > 0) cosine.push([i, j, sum]);
    }
  }
  return { textRank: pageRank(n, overlap), lexRank: pageRank(n, cosine) };
}

function pageRank(n: number, edges: readonly [number, number, number][]): number[] {
  const strength = new Array<number>(n).fill(0);
  for (const [i, j, w] of edges) {
    strength[i] = (strength[i] as number) + w;
    strength[j] = (strength[j] as number) + w;
  }
  let rank = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < 30; iteration++) {
    const next = new Array<number>(n).fill(1 - DAMPING);
    for (const [i, j, w] of edges) {
      const damped = DAMPING * w;
      next[j] = (next[j] as number) + (damped * (rank[i] as number)) / (strength[i] as number);
      next[i] = (next[i] as number) + (damped * (rank[j] as number)) / (strength[j] as number);
    }
    const change = Math.max(0, ...next.map((r, i) => Math.abs(r - (rank[i] as number))));
    rank = next;
    if (change < 1e-6) break;
  }
  return rank;
}

/** A sentence's vector from arbitrary term ids (kept unique) and weights, in the order given. */
function vector(terms: readonly { id: number; weight: number }[]): GraphSentence {
  const unique = [...new Map(terms.map((t) => [t.id, t.weight])).entries()];
  return {
    termIds: Int32Array.from(unique, ([id]) => id),
    weights: Float64Array.from(unique, ([, weight]) => weight),
  };
}

describe("graphRanks", () => {
  it("should rank a sentence sharing terms with both others above the two it links", () => {
    // Prepare
    const sentences = [
      vector([{ id: 0, weight: 1 }]),
      vector([
        { id: 0, weight: 0.6 },
        { id: 1, weight: 0.8 },
      ]),
      vector([{ id: 1, weight: 1 }]),
    ];

    // Act
    const { textRank, lexRank } = graphRanks(sentences);

    // Assess
    expect(lexRank[1]).toBeGreaterThan(lexRank[0] as number);
    expect(lexRank[1]).toBeGreaterThan(lexRank[2] as number);
    expect(textRank[1]).toBeGreaterThan(textRank[0] as number);
  });

  it("should give the ranks of an all-pairs merge to the last bit, within the window and beyond it", () => {
    const term = fc.record({
      id: fc.integer({ min: 0, max: 60 }),
      weight: fc.double({ min: 0.01, max: 1, noNaN: true }),
    });
    const sentence = fc.array(term, { maxLength: 12 }).map(vector);
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 130, size: "max" }), (sentences) => {
        const { textRank, lexRank } = graphRanks(sentences);
        const expected = reference(sentences);
        expect([...textRank]).toEqual(expected.textRank);
        expect([...lexRank]).toEqual(expected.lexRank);
      }),
      { numRuns: 60 },
    );
  });
});
