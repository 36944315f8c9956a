import { describe, expect, it } from "vitest";
import { porterStem } from "../../bench/rouge/porter";

describe("porterStem (NLTK_EXTENSIONS mode)", () => {
  it.each([
    ["caresses", "caress"],
    ["ponies", "poni"],
    ["relational", "relat"],
    ["conditional", "condit"],
    ["hopefulness", "hope"],
    ["generalization", "gener"],
    ["generously", "gener"],
    ["abandoned", "abandon"],
    ["hopping", "hop"],
    ["filing", "file"],
    ["failing", "fail"],
    ["agreed", "agre"],
    ["feed", "feed"],
    ["controll", "control"],
    ["roll", "roll"],
    ["happy", "happi"],
  ])("should stem %s to %s like the published algorithm", (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it.each([
    // Irregular forms and the short-word rules NLTK adds on top of Porter's own extensions.
    ["dies", "die"],
    ["flies", "fli"],
    ["died", "die"],
    ["spied", "spi"],
    ["dying", "die"],
    ["news", "news"],
    ["skies", "sky"],
    ["proceeding", "proceed"],
    ["enjoy", "enjoy"],
    ["uses", "use"],
    ["geology", "geolog"],
    ["oed", "o"],
    ["constructor", "constructor"],
  ])("should stem %s to %s as NLTK's default mode does", (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });
});
