import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Bytes } from "../../../shared/translate/bytes";
import { packChunks, piece } from "../../../shared/translate/chunk";
import {
  planLineTransport,
  splitLines,
  toLine,
  wordJoiner,
} from "../../../shared/translate/transport";

const sentence = fc.constantFrom(
  "The river rose two metres overnight.",
  "مرحبا بالعالم، كيف حالك اليوم؟",
  "今天天气很好，我们去公园散步。",
  "Emoji 😀👍🏽 and more.",
  "Line\nbreak inside.",
  "   ",
  "x",
);

describe("packChunks", () => {
  it("should use as few chunks as greedy packing and keep each under the limit", () => {
    // Prepare: 10 pieces of 30 bytes, 100-byte chunks with 1-byte separators hold 3 each.
    const pieces = Array.from({ length: 10 }, (_, i) => piece(i, "x".repeat(30)));
    // Act
    const chunks = packChunks(pieces, 100, 1);
    // Assess
    expect(chunks).toHaveLength(4);
    for (const chunk of chunks) expect(chunk.bytes).toBeLessThanOrEqual(100);
    expect(chunks.flatMap((c) => c.pieces.map((p) => p.textIndex))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it("should even chunk sizes out without adding a chunk", () => {
    // Greedy alone gives 9 + 1 pieces; balanced gives 5 + 5.
    const pieces = Array.from({ length: 10 }, (_, i) => piece(i, "x".repeat(10)));
    const chunks = packChunks(pieces, 99, 1);
    expect(chunks.map((c) => c.pieces.length)).toEqual([5, 5]);
  });

  it("should refuse a piece bigger than the limit", () => {
    expect(() => packChunks([piece(0, "x".repeat(11))], 10, 1)).toThrow(RangeError);
  });
});

describe("planLineTransport", () => {
  it("should send one line per sentence and rebuild each sentence from its lines", () => {
    // Prepare
    const texts = ["First one.", "Second\none.", "", "Third."];
    // Act
    const plan = planLineTransport(texts, "es", 10_000);
    // Assess
    expect(plan.chunks).toHaveLength(1);
    expect(plan.chunks[0]?.text).toBe("First one.\nSecond one.\nThird.");
    expect(plan.chunks[0]?.characters).toBe(29);
    const upper = plan.chunks.map((c) => c.lines.map((l) => l.toUpperCase()));
    expect(plan.assemble(upper)).toEqual(["FIRST ONE.", "SECOND ONE.", "", "THIRD."]);
  });

  it("should cut a sentence over the limit and join its translated pieces with a space", () => {
    const long = "word ".repeat(10).trim();
    const plan = planLineTransport([long], "es", 12);
    expect(plan.chunks.length).toBeGreaterThan(1);
    const translated = plan.chunks.map((c) => c.lines.map((l) => l.trim()));
    expect(plan.assemble(translated)).toEqual([long]);
  });

  it("should join a token cut inside (no whitespace to cut at) with nothing", () => {
    const url = "https://example.com/a-very-long-path-without-any-spaces";
    const plan = planLineTransport([url], "es", 16);
    expect(plan.assemble(plan.chunks.map((c) => c.lines))).toEqual([url]);
  });

  it("should join pieces of a Chinese sentence like words of the target language", () => {
    const text = "今天天气很好我们去公园散步";
    const toEnglish = planLineTransport([text], "en", 12);
    const toJapanese = planLineTransport([text], "ja", 12);
    expect(toEnglish.assemble(toEnglish.chunks.map((c) => c.lines))[0]).toContain(" ");
    expect(toJapanese.assemble(toJapanese.chunks.map((c) => c.lines))).toEqual([text]);
  });

  it("should join pieces with nothing for a language written without spaces", () => {
    expect(wordJoiner("zh-TW")).toBe("");
    expect(wordJoiner("ja")).toBe("");
    expect(wordJoiner("es")).toBe(" ");
  });

  it("should refuse to assemble a chunk with a different number of lines", () => {
    const plan = planLineTransport(["a.", "b."], "es", 100);
    expect(() => plan.assemble([["only one"]])).toThrow(RangeError);
  });

  it("should keep every chunk within the byte limit and lose no text", () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { maxLength: 60 }),
        fc.integer({ min: 8, max: 200 }),
        (texts, maxBytes) => {
          const plan = planLineTransport(texts, "es", maxBytes);
          for (const chunk of plan.chunks) {
            expect(utf8Bytes(chunk.text)).toBeLessThanOrEqual(maxBytes);
            expect(chunk.bytes).toBe(utf8Bytes(chunk.text));
            expect(chunk.lines.every((line) => !line.includes("\n"))).toBe(true);
          }
          // An identity "translation" must give back every sentence as a line (newlines → spaces).
          const same = plan.assemble(plan.chunks.map((c) => c.lines));
          texts.forEach((text, i) => {
            const line = toLine(text);
            if (line === "") expect(same[i]).toBe(text);
            // Cuts may move whitespace at a piece's edge; the characters and their order stay.
            else expect(same[i]?.replace(/\s+/g, "")).toBe(line.replace(/\s+/g, ""));
          });
        },
      ),
    );
  });

  it("should send as few requests as the bytes allow, plus at most one", () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 200 }), (texts) => {
        const maxBytes = 300;
        const plan = planLineTransport(texts, "es", maxBytes);
        const bytes = texts.reduce((sum, t) => sum + utf8Bytes(toLine(t)), 0);
        expect(plan.chunks.length).toBeLessThanOrEqual(Math.ceil(bytes / maxBytes) + 1);
      }),
    );
  });
});

describe("splitLines", () => {
  it("should split an answer into the lines sent, ignoring a trailing newline", () => {
    expect(splitLines("uno\ndos\n", 2)).toEqual(["uno", "dos"]);
    expect(splitLines("uno\r\ndos", 2)).toEqual(["uno", "dos"]);
  });

  it("should report a different number of lines", () => {
    expect(splitLines("uno dos", 2)).toBeUndefined();
    expect(splitLines("uno\ndos\ntres", 2)).toBeUndefined();
  });
});
