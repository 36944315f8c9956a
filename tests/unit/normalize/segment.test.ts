import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentSentences } from "../../../shared/normalize";

function split(text: string, lang?: string): string[] {
  return segmentSentences(text, lang).map((span) => text.slice(span.start, span.end));
}

describe("segmentSentences", () => {
  it.each([
    [
      "titles",
      "Mr. Smith met Dr. Jones on Friday. Gen. Suleimani flew to Baghdad.",
      ["Mr. Smith met Dr. Jones on Friday.", "Gen. Suleimani flew to Baghdad."],
    ],
    [
      "a dotted acronym inside a name",
      "The U.S. Army said no. It rained.",
      ["The U.S. Army said no.", "It rained."],
    ],
    [
      "a dotted acronym at the end of a sentence",
      "He moved to the U.S. The move was hard.",
      ["He moved to the U.S.", "The move was hard."],
    ],
    [
      "initials",
      "J. R. R. Tolkien wrote it. George W. Bush read it.",
      ["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
    ],
    [
      "decimals",
      "Growth was 3.5 per cent, not 4.2. Prices rose.",
      ["Growth was 3.5 per cent, not 4.2.", "Prices rose."],
    ],
    [
      "money at the end of a sentence",
      "The haul was worth £250m. The bank was shut.",
      ["The haul was worth £250m.", "The bank was shut."],
    ],
    [
      "an ellipsis inside a sentence",
      "Those fighting ... should volunteer now.",
      ["Those fighting ... should volunteer now."],
    ],
    [
      "an ellipsis ending a sentence",
      "He waited... Then he left. She stayed…",
      ["He waited...", "Then he left.", "She stayed…"],
    ],
    [
      "URLs and e-mails",
      "See https://example.com/a.b?x=1. Write to ann.lee@example.org today.",
      ["See https://example.com/a.b?x=1.", "Write to ann.lee@example.org today."],
    ],
    [
      "a quotation with its attribution",
      '"Stop!" he said. "Why?" she asked.',
      ['"Stop!" he said.', '"Why?" she asked.'],
    ],
    [
      "a quotation closing a sentence",
      'He said: "We are done." Then he left.',
      ['He said: "We are done."', "Then he left."],
    ],
    [
      "numbers after No.",
      "He lives at No. 10 Downing St. in London. It is old.",
      ["He lives at No. 10 Downing St. in London.", "It is old."],
    ],
    [
      "company suffixes",
      "She works for Apple Inc. The firm is big. Acme Inc. shares fell.",
      ["She works for Apple Inc.", "The firm is big.", "Acme Inc. shares fell."],
    ],
    [
      "times",
      "Talks resume at 10 a.m. on Wednesday. They end at 5 p.m. The union agreed.",
      ["Talks resume at 10 a.m. on Wednesday.", "They end at 5 p.m.", "The union agreed."],
    ],
    [
      "a text with no final mark",
      "One sentence. And a fragment",
      ["One sentence.", "And a fragment"],
    ],
  ])("should split %s", (_name, text, expected) => {
    // Act
    const sentences = split(text);

    // Assess
    expect(sentences).toEqual(expected);
  });

  it.each([
    [
      "a spaced ellipsis",
      "It was a strange match . . . momentum swings. Then it ended.",
      ["It was a strange match . . . momentum swings.", "Then it ended."],
    ],
    [
      "a closing quote cut off by a space",
      "we will win. ’ figures show more. the end. '",
      ["we will win. ’", "figures show more.", "the end. '"],
    ],
    [
      "an opening quote after a space",
      "he said: ' we will win. ' then he left.",
      ["he said: ' we will win. '", "then he left."],
    ],
    [
      "French guillemets after a space",
      "« Stop ! », a-t-il dit. « Jamais ! » a répondu Marie. « C'est fini. » Il part.",
      ["« Stop ! », a-t-il dit.", "« Jamais ! » a répondu Marie.", "« C'est fini. »", "Il part."],
    ],
    [
      "French titles",
      "M. Le Maire a parlé. Mme Dupont aussi.",
      ["M. Le Maire a parlé.", "Mme Dupont aussi."],
    ],
  ])("should handle %s", (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("should split lowercased text with no capitals and no paragraph breaks", () => {
    // Prepare: the shape of cnndm_lower_dev.jsonl
    const text =
      "the company said on tuesday. the shares fell 3.5 per cent. mr. cameron will say today: it is simple. in the u.s. the law is clear.";

    // Act
    const sentences = split(text);

    // Assess
    expect(sentences).toEqual([
      "the company said on tuesday.",
      "the shares fell 3.5 per cent.",
      "mr. cameron will say today: it is simple.",
      "in the u.s.",
      "the law is clear.",
    ]);
  });

  it("should split CJK text on full-width marks with no space after them", () => {
    expect(split("他来了。她走了！你好吗？好。", "zh")).toEqual([
      "他来了。",
      "她走了！",
      "你好吗？",
      "好。",
    ]);
  });

  it("should split Arabic and Hebrew punctuation", () => {
    expect(split("هل أنت بخير؟ نعم. شكرا", "ar")).toEqual(["هل أنت بخير؟", "نعم.", "شكرا"]);
    expect(split("שלום לכולם. מה שלומכם? טוב", "he")).toEqual(["שלום לכולם.", "מה שלומכם?", "טוב"]);
  });

  it("should end a sentence at a blank line", () => {
    expect(split("A heading\n\nThe body starts here. And ends")).toEqual([
      "A heading",
      "The body starts here.",
      "And ends",
    ]);
  });

  it("should return no sentence for empty or blank text", () => {
    expect(segmentSentences("")).toEqual([]);
    expect(segmentSentences(" \n\t ")).toEqual([]);
  });

  it("should cover every visible character with ordered, trimmed, non-overlapping spans", () => {
    // Prepare: text built from the characters the scanner cares about
    const alphabet = fc.constantFrom(
      "a",
      "B",
      " ",
      ".",
      "!",
      "?",
      '"',
      "'",
      ")",
      "\n",
      "…",
      "3",
      "Mr",
      "U.S",
      "。",
      "؟",
      "e.g",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (pieces) => {
        const text = pieces.join("");

        // Act
        const spans = segmentSentences(text);

        // Assess
        let covered = 0;
        let previousEnd = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.end).toBeGreaterThan(span.start);
          const sentence = text.slice(span.start, span.end);
          expect(sentence).toBe(sentence.trim());
          covered += sentence.replace(/\s/g, "").length;
          previousEnd = span.end;
        }
        expect(covered).toBe(text.replace(/\s/g, "").length);
      }),
    );
  });
});
