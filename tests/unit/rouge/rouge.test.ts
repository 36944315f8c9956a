import { describe, expect, it } from "vitest";
import { lcsIndices, rougeN, scoreRouge, summaryLevelLcs, tokenize } from "../../bench/rouge/rouge";

describe("tokenize", () => {
  it("should lowercase, split on anything outside [a-z0-9] and stem only tokens longer than 3", () => {
    // Act
    const tokens = tokenize("Don't stop—BELIEVING! Cats ran 1990s");

    // Assess
    expect(tokens).toEqual(["don", "t", "stop", "believ", "cat", "ran", "1990"]);
  });

  it("should split accented words as rouge_score does (accents are not in [a-z0-9])", () => {
    expect(tokenize("café à Paris")).toEqual(["caf", "pari"]);
  });

  it("should keep tokens unstemmed when asked", () => {
    expect(tokenize("Running dogs", false)).toEqual(["running", "dogs"]);
  });
});

describe("rougeN", () => {
  it("should count clipped n-gram overlap", () => {
    // Prepare
    const target = tokenize("the cat sat on the mat");
    const prediction = tokenize("the cat lay on the mat");

    // Act
    const r1 = rougeN(target, prediction, 1);
    const r2 = rougeN(target, prediction, 2);

    // Assess
    expect(r1.precision).toBeCloseTo(5 / 6, 10);
    expect(r1.recall).toBeCloseTo(5 / 6, 10);
    expect(r2.fmeasure).toBeCloseTo(3 / 5, 10);
  });

  it("should score an empty prediction as zero", () => {
    expect(rougeN(tokenize("a b c"), [], 1)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
  });
});

describe("scoreRouge", () => {
  it("should reproduce rouge_score's documented example with stemming", () => {
    // Act
    const scores = scoreRouge(
      "The quick brown fox jumps over the lazy dog",
      "The quick brown dog jumps on the log.",
    );

    // Assess
    expect(scores.rouge1.precision).toBeCloseTo(0.75, 5);
    expect(scores.rouge1.recall).toBeCloseTo(0.66667, 5);
    expect(scores.rouge1.fmeasure).toBeCloseTo(0.70588, 5);
    expect(scores.rougeLsum.precision).toBeCloseTo(0.625, 5);
    expect(scores.rougeLsum.recall).toBeCloseTo(0.55556, 5);
    expect(scores.rougeLsum.fmeasure).toBeCloseTo(0.58824, 5);
  });

  it("should compute the union LCS of the ROUGE paper's summary-level example", () => {
    // Act
    const scores = scoreRouge("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");

    // Assess
    expect(scores.rougeLsum.recall).toBeCloseTo(0.8, 10);
    expect(scores.rougeLsum.precision).toBeCloseTo(0.4, 10);
    expect(scores.rougeLsum.fmeasure).toBeCloseTo(0.53333, 5);
  });

  it("should give zero when the prediction has no token", () => {
    expect(scoreRouge("w1 w2 w3", "/").rougeLsum.fmeasure).toBe(0);
    expect(scoreRouge("", "w1").rouge1.fmeasure).toBe(0);
  });
});

describe("summaryLevelLcs", () => {
  it("should read back the same LCS as rouge_score when several are equally long", () => {
    expect(lcsIndices(["1", "2", "3", "4", "5"], ["2", "5", "3", "4"])).toEqual([1, 2, 3]);
  });

  it("should not count a candidate token twice across reference sentences", () => {
    // Act
    const score = summaryLevelLcs(
      [
        ["a", "b"],
        ["a", "c"],
      ],
      [["a"]],
    );

    // Assess
    expect(score.recall).toBeCloseTo(1 / 4, 10);
    expect(score.precision).toBeCloseTo(1, 10);
  });
});
