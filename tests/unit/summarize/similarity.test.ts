import { describe, expect, it } from "vitest";
import { similarities } from "../../../shared/summarize/similarity";
import type { SentenceVector } from "../../../shared/summarize/vectors";

/** A unit vector over local term ids from raw weights. */
function vector(terms: Record<number, number>): SentenceVector {
  const ids = Object.keys(terms).map(Number);
  const norm = Math.sqrt(ids.reduce((sum, id) => sum + (terms[id] as number) ** 2, 0));
  return {
    termIds: Int32Array.from(ids),
    weights: Float64Array.from(ids, (id) => (terms[id] as number) / norm),
    words: ids.length,
  };
}

function cosine(a: SentenceVector, b: SentenceVector): number {
  let sum = 0;
  a.termIds.forEach((id, t) => {
    const at = b.termIds.indexOf(id);
    if (at >= 0) sum += (a.weights[t] as number) * (b.weights[at] as number);
  });
  return sum;
}

const sentences = [
  vector({ 0: 1, 1: 2 }),
  vector({ 1: 1, 2: 1 }),
  vector({ 0: 3, 3: 1 }),
  vector({ 2: 1, 3: 2, 4: 1 }),
  vector({ 5: 1 }),
];

describe("similarities", () => {
  it("should give each sentence its mean cosine to every other sentence", () => {
    // Prepare
    const n = sentences.length;
    // Act
    const { centrality, maxCentrality } = similarities(sentences, 6);
    // Assess
    sentences.forEach((s, i) => {
      const others = sentences.filter((_, j) => j !== i);
      const expected = others.reduce((sum, o) => sum + cosine(s, o), 0) / (n - 1);
      expect(centrality[i]).toBeCloseTo(expected, 12);
    });
    expect(maxCentrality).toBe(Math.max(...centrality));
  });

  it("should give each sentence its mean cosine to the lead sentences other than itself", () => {
    // Prepare
    const lead = sentences.slice(0, 3);
    // Act
    const { leadSimilarity } = similarities(sentences, 6);
    // Assess
    sentences.forEach((s, i) => {
      const others = lead.filter((_, j) => j !== i);
      const expected = others.reduce((sum, o) => sum + cosine(s, o), 0) / others.length;
      expect(leadSimilarity[i]).toBeCloseTo(expected, 12);
    });
  });

  it("should give a lone sentence a centrality of 0 and the floor as the largest", () => {
    // Act
    const { centrality, maxCentrality, leadSimilarity } = similarities([vector({ 0: 1 })], 1);
    // Assess
    expect(Array.from(centrality)).toEqual([0]);
    expect(Array.from(leadSimilarity)).toEqual([0]);
    expect(maxCentrality).toBe(1e-9);
  });
});
