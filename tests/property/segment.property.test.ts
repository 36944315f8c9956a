/**
 * The sentence segmenter over arbitrary Unicode (the unit tests cover an ASCII-heavy alphabet): spans in
 * order, never overlapping, never empty; only whitespace between them, so every other character is in
 * exactly one sentence; and on text as the normalizer hands it over (cleaned), no span starts or ends with
 * whitespace.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentSentences } from "../../shared/normalize";
import { cleanText } from "../../shared/normalize/clean";
import { unicodeText } from "./arbitraries";

function assertPartition(text: string, lang?: string): void {
  const spans = segmentSentences(text, lang);
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    // Between two sentences (and before the first): whitespace only, so nothing is lost.
    expect(text.slice(previousEnd, span.start)).toMatch(/^\s*$/u);
    previousEnd = span.end;
  }
  expect(text.slice(previousEnd)).toMatch(/^\s*$/u);
}

describe("segmentSentences on arbitrary Unicode", () => {
  it("should cut any text into ordered, disjoint spans with only whitespace between them", () => {
    fc.assert(
      fc.property(unicodeText(200), (text) => {
        assertPartition(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("should put every character of cleaned text, once, into a sentence with no outer whitespace", () => {
    fc.assert(
      fc.property(unicodeText(200), (raw) => {
        const text = cleanText(raw);
        assertPartition(text);
        const spans = segmentSentences(text);
        for (const { start, end } of spans) {
          const sentence = text.slice(start, end);
          expect(sentence).toBe(sentence.trim());
        }
        // Nothing lost or duplicated: the spans hold every non-space character of the text, once.
        expect(text.replace(/\s/gu, "").length).toBe(
          spans.map((s) => text.slice(s.start, s.end).replace(/\s/gu, "")).join("").length,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("should cut any text into ordered, disjoint spans whatever language's rules apply", () => {
    // Prepare: languages with rules of their own (ordinals, ":" and "،" as marks, "." not a mark), and none
    const languages = fc.constantFrom(
      undefined,
      "en",
      "de",
      "da",
      "sk",
      "ru",
      "el",
      "hy",
      "ar",
      "ja",
      "am",
      "xx",
    );
    fc.assert(
      fc.property(unicodeText(200), languages, (raw, lang) => {
        assertPartition(cleanText(raw), lang);
      }),
      { numRuns: 1000 },
    );
  });

  it("should partition text made of what the language rules look at", () => {
    // Prepare: brackets, quotes of several languages, list markers, bullets, script marks, ordinals
    const piece = fc.constantFrom(
      "(",
      ")",
      "[",
      "]",
      "「",
      "」",
      "《",
      "》",
      "„",
      "“",
      "«",
      "»",
      '"',
      "•",
      "⁃",
      "1.",
      "2.)",
      "3)",
      "a.",
      "b.",
      " . . .",
      "።",
      "፧",
      "３．２",
      ":",
      ";",
      "،",
      "12.",
      "XII.",
      "Juni",
      "Mr",
      "z. B",
      "U.S",
      "I",
      " ",
      " ",
      " ",
      "\n\n",
      "word",
      "Word",
      "—",
    );
    const languages = fc.constantFrom(undefined, "en", "de", "sk", "el", "hy", "ar", "ja");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), languages, (pieces, lang) => {
        assertPartition(pieces.join(""), lang);
      }),
      { numRuns: 1000 },
    );
  });

  it("should end a sentence at every blank line, whatever comes before it", () => {
    fc.assert(
      fc.property(unicodeText(60), unicodeText(60), (first, second) => {
        const a = cleanText(first).trim();
        const b = cleanText(second).trim();
        fc.pre(a.length > 0 && b.length > 0);
        const text = `${a}\n\n${b}`;
        const spans = segmentSentences(text);
        // No sentence crosses the blank line.
        expect(spans.some((s) => s.start < a.length && s.end > a.length + 2)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
