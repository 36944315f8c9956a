import { describe, expect, it } from "vitest";
import { chrfStatistics, corpusChrf, sentenceChrf } from "../../bench/chrf/chrf";

describe("chrF (sacreBLEU 2.x defaults)", () => {
  it("should give sacreBLEU's score on a known pair", () => {
    // sacrebleu.CHRF().corpus_score([hyp], [[ref]]).score = 61.576379378113785 (the metric card example).
    const score = corpusChrf(
      ["The relationship between Obama and Netanyahu is not exactly friendly."],
      ["The ties between Obama and Netanyahu are not particularly friendly."],
    );
    expect(score).toBeCloseTo(61.576379378113785, 10);
  });

  it("should score an identical sentence 100 and a disjoint one 0", () => {
    expect(sentenceChrf("el gato negro", "el gato negro")).toBeCloseTo(100, 10);
    expect(sentenceChrf("abc", "xyz")).toBe(0);
    expect(sentenceChrf("", "xyz")).toBe(0);
  });

  it("should ignore whitespace, as sacreBLEU does by default", () => {
    expect(sentenceChrf("el gato", "elgato")).toBeCloseTo(100, 10);
    expect(sentenceChrf("el\u00a0gato", "el gato")).toBeCloseTo(100, 10);
  });

  it("should count code points, not UTF-16 units", () => {
    // "😀a" is 2 characters: 2 unigrams and 1 bigram.
    expect(chrfStatistics("😀a", "😀a", 2)).toEqual([2, 2, 2, 1, 1, 1]);
  });

  it("should pool counts over the corpus rather than average sentence scores", () => {
    const hyps = ["el gato", "una casa muy grande"];
    const refs = ["el perro", "una casa grande"];
    const mean =
      (sentenceChrf(hyps[0] ?? "", refs[0] ?? "") + sentenceChrf(hyps[1] ?? "", refs[1] ?? "")) / 2;
    const corpus = corpusChrf(hyps, refs);
    expect(corpus).not.toBeCloseTo(mean, 3);
    expect(corpus).toBeGreaterThan(0);
  });
});
