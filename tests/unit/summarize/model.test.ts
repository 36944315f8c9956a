import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEATURE_COUNT, FEATURE_NAMES } from "../../../shared/summarize/features";
import {
  DEFAULT_WEIGHTS,
  type ScorerWeights,
  scoreSentence,
  scoreSentences,
} from "../../../shared/summarize/model";

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

describe("scoreSentence", () => {
  it("should lower the score of a sentence beyond 30 words by the length prior per 10 words", () => {
    // Prepare
    const model = priorsOnly(0.5);

    // Act
    const short = scoreSentence(rowOf(30), model);
    const long = scoreSentence(rowOf(50), model);

    // Assess
    expect(short).toBeCloseTo(0.5, 12);
    expect(Math.log(long / (1 - long))).toBeCloseTo(-1, 12);
  });

  it("should leave scores alone when the weights carry no length prior", () => {
    // Prepare
    const { lengthPenalty: _, ...model } = priorsOnly(0);

    // Act
    const score = scoreSentence(rowOf(120), model);

    // Assess
    expect(score).toBe(0.5);
  });
});

describe("scoreSentences", () => {
  it("should give every row of an article the score scoreSentence gives it alone, bit for bit", () => {
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
        expect(scores).toEqual(rows.map((row) => scoreSentence(row, DEFAULT_WEIGHTS)));
      }),
      { numRuns: 60 },
    );
  });
});
