import { describe, expect, it } from "vitest";
import { isWordUnit } from "../../../shared/text/word";

describe("isWordUnit", () => {
  it("should answer as \\p{L}, \\p{M} or \\p{N} does for every BMP code unit", () => {
    // Prepare
    const wordChar = /^[\p{L}\p{M}\p{N}]$/u;
    const disagreements: number[] = [];

    // Act
    for (let code = 0; code < 0x10000; code++) {
      if (isWordUnit(code) !== wordChar.test(String.fromCharCode(code))) disagreements.push(code);
    }

    // Assess
    expect(disagreements).toEqual([]);
  });

  it("should count letters, combining marks and digits of any script, and not spaces, punctuation or surrogate halves", () => {
    // Act
    const answers = ["é", "\u0301", "٣", "中", " ", "-", "\ud83d"].map((c) =>
      isWordUnit(c.charCodeAt(0)),
    );

    // Assess
    expect(answers).toEqual([true, true, true, true, false, false, false]);
  });
});
