import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords } from "../../../shared/normalize/count-words";

/** The definition, read plainly: a word character is a letter, digit or mark, by UTF-16 code unit. */
function reference(text: string): number {
  const isWordUnit = (unit: string) => /[\p{L}\p{N}\p{M}]/u.test(unit);
  const isJoiner = (unit: string) => "'’.-".includes(unit);
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charAt(i);
    if (isWordUnit(unit)) {
      if (!inWord) count++;
      inWord = true;
    } else {
      inWord = inWord && isJoiner(unit) && i + 1 < text.length && isWordUnit(text.charAt(i + 1));
    }
  }
  return count;
}

describe("countWords", () => {
  it("should count runs of letters, digits and marks joined by an apostrophe, period or hyphen between two", () => {
    // Prepare: words, joiners alone and in pairs, marks, other scripts, astral letters and lone surrogates.
    const piece = fc.constantFrom(
      ..."a Z 7 é ß ω я 港 ١ ' ’ . - , ; « »".split(" "),
      " ",
      "\n",
      "e\u0301",
      "\u0301",
      "𝐀",
      "\ud835",
      "\udc00",
      "don't",
      "U.S.",
      "co-operate",
      "a.-b",
    );

    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");

        // Act
        const words = countWords(text);

        // Assess
        expect(words).toBe(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it("should count blocks joined by a blank line as the sum of each block's count", () => {
    // Prepare: blocks that start or end with joiners and word characters, as the article text joins them.
    const piece = fc.constantFrom(
      "a",
      "é",
      "7",
      "'",
      "’",
      ".",
      "-",
      " ",
      "U.S.",
      "don't",
      "\u0301",
    );
    const block = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(""));

    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
        // Act
        const joined = countWords(blocks.join("\n\n"));

        // Assess
        expect(joined).toBe(blocks.reduce((sum, text) => sum + countWords(text), 0));
      }),
      { numRuns: 300 },
    );
  });

  it("should count a joined word once and separated words apart", () => {
    // Prepare
    const text = "Don't split U.S. co-operate; a..b a.-b end.";

    // Act
    const words = countWords(text);

    // Assess: Don't, split, U.S, co-operate, a, b, a, b, end
    expect(words).toBe(9);
  });
});
