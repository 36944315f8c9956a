import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, collapseWhitespace } from "../../../shared/normalize/clean";

/** The code units cleanText replaces or drops, as its documentation lists them. */
function isCleaned(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0xad ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

describe("cleanText", () => {
  it("should change exactly the listed code units, each alone in a text, and leave every other one to NFC", () => {
    // Prepare
    const changed: number[] = [];
    const expected: number[] = [];

    // Act
    for (let code = 0; code < 0x10000; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      if (cleanText(text) !== text.normalize("NFC")) changed.push(code);
      if (isCleaned(code)) expected.push(code);
    }

    // Assess
    expect(changed).toEqual(expected);
  });

  it("should turn Windows line endings and no-break spaces into plain ones", () => {
    expect(cleanText("one\r\ntwo\u00a0three\rfour")).toBe("one\ntwo three\nfour");
  });
});

describe("collapseWhitespace", () => {
  it("should give what replacing every whitespace run by one space and trimming gives", () => {
    // Prepare: words, plain spaces alone and doubled, and every other kind of JavaScript whitespace.
    const piece = fc.constantFrom(
      "word",
      "é",
      ".",
      " ",
      "  ",
      ..."\t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff",
      "\u200b",
    );

    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");

        // Act
        const collapsed = collapseWhitespace(text);

        // Assess
        expect(collapsed).toBe(text.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 500 },
    );
  });
});
