import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasUppercase } from "../../../shared/text/case";

describe("hasUppercase", () => {
  it("should answer what the \\p{Lu} regex answers, surrogate pairs and lone surrogates included", () => {
    // Prepare: lowercase and uppercase letters of several scripts, titlecase, astral capitals and emoji.
    const piece = fc.constantFrom(
      ..."a z A Z é É ß ẞ ǅ ω Ω я Я ⓐ Ⓐ 港 1 . “".split(" "),
      // ASCII runs between non-ASCII ones: one unit, two, a line.
      " ",
      "ab",
      "plain lower case\n",
      "𝐀",
      "𝐚",
      "😀",
      "\ud835",
      "\udc00",
    );

    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join("");

        // Act
        const found = hasUppercase(text);

        // Assess
        expect(found).toBe(/\p{Lu}/u.test(text));
      }),
      { numRuns: 500 },
    );
  });

  it("should answer for the text from a given code unit on, as the regex does on the slice", () => {
    // Prepare: texts whose first unit may be the only capital, or half of a surrogate pair.
    const piece = fc.constantFrom(..."a A é É 𝐀 𝐚 \ud835 \udc00 1".split(" "), " ", "lower case");

    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(4), (pieces, from) => {
        const text = pieces.join("");

        // Act
        const found = hasUppercase(text, from);

        // Assess
        expect(found).toBe(/\p{Lu}/u.test(text.slice(from)));
      }),
      { numRuns: 500 },
    );
  });
});
