import { describe, expect, it } from "vitest";
import {
  BULLET_CLASS,
  isBullet,
  isSpace,
  SPACE_CLASS,
} from "../../../shared/normalize/segment/chars";

/** The code units, of all 65,536, where the predicate and the regex class disagree. */
function disagreements(predicate: (code: number) => boolean, characterClass: string): number[] {
  const pattern = new RegExp(`^[${characterClass}]$`);
  const differ: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (predicate(code) !== pattern.test(String.fromCharCode(code))) differ.push(code);
  }
  return differ;
}

describe("segmenter character classes", () => {
  it.each([
    ["isSpace", isSpace, SPACE_CLASS],
    ["isBullet", isBullet, BULLET_CLASS],
  ] as const)(
    "should make %s accept exactly the code units of its regex class",
    (_name, predicate, characterClass) => {
      // Act
      const differ = disagreements(predicate, characterClass);

      // Assess
      expect(differ).toEqual([]);
    },
  );
});
