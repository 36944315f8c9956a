import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isHighSurrogate, utf8Bytes } from "../../../shared/translate/bytes";
import { splitAtByteLimit } from "../../../shared/translate/split";

function expectLossless(text: string, maxBytes: number): string[] {
  const pieces = splitAtByteLimit(text, maxBytes);
  expect(pieces.join("")).toBe(text);
  for (const piece of pieces) {
    expect(piece.length).toBeGreaterThan(0);
    expect(utf8Bytes(piece)).toBeLessThanOrEqual(maxBytes);
    expect(isHighSurrogate(piece.charCodeAt(piece.length - 1))).toBe(false);
  }
  return pieces;
}

describe("splitAtByteLimit", () => {
  it("should keep a text that fits whole", () => {
    expect(splitAtByteLimit("Short enough.", 100)).toEqual(["Short enough."]);
  });

  it("should cut English after whitespace, keeping words whole", () => {
    // Prepare
    const text = "alpha beta gamma delta epsilon";
    // Act
    const pieces = expectLossless(text, 12);
    // Assess
    expect(pieces).toEqual(["alpha beta ", "gamma delta ", "epsilon"]);
  });

  it("should cut Arabic (2 bytes a letter) at whitespace under the byte limit", () => {
    const text = "ذهب الولد إلى المدرسة في الصباح الباكر مع أصدقائه";
    const pieces = expectLossless(text, 30);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith(" ")).toBe(true);
  });

  it("should cut Chinese (3 bytes a character, no spaces) at character boundaries", () => {
    const text = "今天天气很好我们去公园散步然后回家吃饭";
    const pieces = expectLossless(text, 10);
    // 3 characters (9 bytes) per piece: the 10th byte cannot hold a fourth.
    expect(pieces[0]).toBe("今天天");
  });

  it("should never split an emoji's surrogate pair or a skin-tone cluster", () => {
    const text = "👍🏽👍🏽👍🏽👍🏽";
    const pieces = expectLossless(text, 9);
    expect(pieces).toEqual(["👍🏽", "👍🏽", "👍🏽", "👍🏽"]);
  });

  it("should cut inside a grapheme cluster only when the cluster alone is over the limit", () => {
    // A family emoji is 25 bytes: with an 8-byte limit it has to be cut, at code points.
    const pieces = expectLossless("👨‍👩‍👧", 8);
    expect(pieces.length).toBeGreaterThan(1);
  });

  it("should reject a limit too small for one code point", () => {
    expect(() => splitAtByteLimit("abc", 3)).toThrow(RangeError);
  });

  it("should lose nothing and respect the limit for any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 4, max: 64 }),
        (text, maxBytes) => {
          expectLossless(text, maxBytes);
        },
      ),
    );
  });

  it("should lose nothing for mixed scripts with spaces", () => {
    const word = fc.constantFrom(
      "hello",
      "مرحبا",
      "你好",
      "😀",
      "naïve",
      "Ωμέγα",
      "\u00a0",
      " ",
      "\t",
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 80 }).map((words) => words.join("")),
        fc.integer({ min: 4, max: 40 }),
        (text, maxBytes) => {
          expectLossless(text, maxBytes);
        },
      ),
    );
  });
});
