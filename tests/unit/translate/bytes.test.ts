import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePoints, prefixEndWithinBytes, utf8Bytes } from "../../../shared/translate/bytes";

describe("utf8Bytes", () => {
  it("should count multi-byte scripts and emoji like Buffer.byteLength", () => {
    for (const text of ["abc", "مرحبا بالعالم", "你好，世界", "😀👍🏽", "e\u0301", "👨‍👩‍👧"]) {
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
    }
  });

  it("should count a lone surrogate as U+FFFD, like Buffer.byteLength", () => {
    expect(utf8Bytes("a\ud800b")).toBe(Buffer.byteLength("a\ud800b", "utf8"));
    expect(utf8Bytes("\udc00")).toBe(3);
  });

  it("should agree with Buffer.byteLength on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
  });
});

describe("codePoints", () => {
  it("should count an emoji as one character, not two UTF-16 units", () => {
    expect("😀".length).toBe(2);
    expect(codePoints("😀")).toBe(1);
    expect(codePoints("a😀b")).toBe(3);
  });
});

describe("prefixEndWithinBytes", () => {
  it("should never end inside a surrogate pair", () => {
    // "😀" is 4 bytes: 3 bytes fit nothing of it.
    expect(prefixEndWithinBytes("😀😀", 0, 3)).toBe(0);
    expect(prefixEndWithinBytes("😀😀", 0, 7)).toBe(2);
  });
});
