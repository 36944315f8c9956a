import { describe, expect, it } from "vitest";
import { cleanText } from "../../../shared/normalize/clean";

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
