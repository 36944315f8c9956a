import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEATURE_COUNT, FEATURE_NAMES } from "../../../shared/summarize/features";
import {
  DEFAULT_WEIGHTS,
  type ScorerWeights,
  scoreSentences,
} from "../../../shared/summarize/model";
import { walkSum } from "../../../shared/summarize/tree";

/** A scorer without trees and without lead prior: only the base and the length prior speak. */
const priorsOnly = (lengthPenalty: number): ScorerWeights => ({
  ...DEFAULT_WEIGHTS,
  base: 0,
  trees: [],
  leadBonus: 0,
  lengthPenalty,
});

function rowOf(words: number): Float64Array {
  const row = new Float64Array(FEATURE_COUNT);
  row[FEATURE_NAMES.indexOf("logWords")] = Math.log1p(words);
  return row;
}

describe("scoreSentences", () => {
  it("should lower the score of a sentence beyond 30 words by the length prior per 10 words", () => {
    // Prepare
    const model = priorsOnly(0.5);

    // Act
    const [short, long] = scoreSentences([rowOf(30), rowOf(50)], model) as [number, number];

    // Assess
    expect(short).toBeCloseTo(0.5, 12);
    expect(Math.log(long / (1 - long))).toBeCloseTo(-1, 12);
  });

  it("should leave scores alone when the weights carry no length prior", () => {
    // Prepare
    const { lengthPenalty: _, ...model } = priorsOnly(0);

    // Act
    const [score] = scoreSentences([rowOf(120)], model);

    // Assess
    expect(score).toBe(0.5);
  });

  it("should give every row of an article the score it gets alone, bit for bit", () => {
    // Prepare: rows of the committed model's features, sentence counts across chunk sizes, NaN included
    const value = fc.oneof(
      fc.constantFrom(0, 1, Number.NaN),
      fc.double({ noNaN: true, min: -1, max: 8 }),
    );
    const article = fc.array(
      fc.array(value, { minLength: FEATURE_COUNT, maxLength: FEATURE_COUNT }),
      { minLength: 0, maxLength: 70 },
    );
    fc.assert(
      fc.property(article, (values) => {
        const rows = values.map((row) => Float64Array.from(row));

        // Act
        const scores = scoreSentences(rows, DEFAULT_WEIGHTS);

        // Assess
        expect(scores).toEqual(rows.flatMap((row) => scoreSentences([row], DEFAULT_WEIGHTS)));
      }),
      { numRuns: 60 },
    );
  });

  it("should score each row as walking the committed trees from the base does", () => {
    // Prepare: no lead or length prior, so every row's logit starts at the base (NaN features would make the
    // priors NaN: they are covered above)
    const model: ScorerWeights = { ...DEFAULT_WEIGHTS, leadBonus: 0, lengthPenalty: 0 };
    const value = fc.oneof(fc.constantFrom(0, 1), fc.double({ noNaN: true, min: -1, max: 8 }));
    const article = fc.array(
      fc.array(value, { minLength: FEATURE_COUNT, maxLength: FEATURE_COUNT }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(article, (values) => {
        const rows = values.map((row) => Float64Array.from(row));

        // Act
        const scores = scoreSentences(rows, model);

        // Assess
        const walked = rows.map((row) => walkSum(model.trees, row, model.base));
        expect(scores).toEqual(walked.map((z) => 1 / (1 + Math.exp(-z))));
      }),
      { numRuns: 40 },
    );
  });
});
