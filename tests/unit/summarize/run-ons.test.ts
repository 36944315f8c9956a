import { describe, expect, it } from "vitest";
import { hasUppercaseAfterFirst, runOnBoundaries } from "../../../shared/summarize/run-ons";

describe("runOnBoundaries", () => {
  it("should count a caption joined to the next sentence without a period", () => {
    // Prepare
    const texts = [
      "The champion was expelled when he was found using his phone in a match A grandmaster faces a ban.",
      "A complaint was made by the opponent in the sixth round.",
    ];

    // Act
    const counts = runOnBoundaries(texts);

    // Assess
    expect([...counts]).toEqual([1, 0]);
  });

  it("should not count a name that the article always capitalizes", () => {
    // Prepare
    const texts = [
      "He withdrew to be with his wife Masters chairman Billy Payne said.",
      "The Masters began on a sombre note for the field.",
    ];

    // Act
    const counts = runOnBoundaries(texts);

    // Assess
    expect([...counts]).toEqual([0, 0]);
  });

  it("should count a boundary after a closing bracket", () => {
    // Prepare
    const texts = [
      "The coach (right) watched from the stands The team lost the match by two goals.",
    ];

    // Act
    const counts = runOnBoundaries(texts);

    // Assess
    expect([...counts]).toEqual([1]);
  });

  it("should find nothing in lowercased text or in a script without case", () => {
    // Prepare
    const texts = [
      "the champion was expelled when he was found using his phone in a match a grandmaster faces a ban.",
      "选手在比赛中使用手机被驱逐出赛场。",
    ];

    // Act
    const counts = runOnBoundaries(texts);

    // Assess
    expect([...counts]).toEqual([0, 0]);
  });
});

describe("hasUppercaseAfterFirst", () => {
  it("should answer as /\\p{Lu}/u does on the text after its first code unit", () => {
    // Prepare: ASCII and accented capitals, capitals without a lowercase form (ℂ, ϒ), capitals outside the
    // BMP (Deseret, mathematical bold), title case and letterlike symbols that are not \p{Lu}, lone surrogates.
    const texts = [
      "",
      "A",
      "Already lowercase after the first letter.",
      "all lowercase, with digits 1990 and punctuation!",
      "the word Then",
      "café Élan",
      "ℂ is the complex plane",
      "the ℂ plane",
      "greek ϒ symbol",
      "title case ǅ and roman numeral Ⅻ",
      "deseret \u{10400} letter",
      "math \u{1D400} bold",
      "\u{1D400} first only",
      "lone \uD835 high and \uDC00 low",
      "\uD801\uDC00",
      "x\uD801",
    ];

    // Act
    const answers = texts.map(hasUppercaseAfterFirst);

    // Assess
    expect(answers).toEqual(texts.map((text) => /\p{Lu}/u.test(text.slice(1))));
  });
});
