/**
 * normalizeArticle over arbitrary input, in every format: a typed InputError naming the file, or an article
 * whose offsets hold (each sentence is the text at its offsets, inside its block, in order), whose every
 * letter and digit sits in a sentence (nothing a summary or a translation could miss), and whose stats count
 * what it holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NormalizedArticle } from "../../shared/contract/article";
import { InputError } from "../../shared/errors";
import { normalizeArticle } from "../../shared/normalize";
import { unicodeText, wellFormedText } from "./arbitraries";

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function normalizeOrTypedError(bytes: Uint8Array, fileName: string): NormalizedArticle | undefined {
  try {
    return normalizeArticle({ bytes, fileName });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith(`${fileName}: `)).toBe(true);
    return undefined;
  }
}

function assertArticleInvariants(article: NormalizedArticle): void {
  const { text, blocks, sentences } = article;
  expect(text).toBe(text.normalize("NFC"));
  const byId = new Map(sentences.map((s) => [s.id, s]));
  let previousEnd = 0;
  sentences.forEach((sentence, i) => {
    expect(sentence.id).toBe(`s${i}`);
    expect(sentence.text).toBe(text.slice(sentence.start, sentence.end));
    expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
    expect(sentence.text.trim()).not.toBe("");
    previousEnd = sentence.end;
  });
  let sentenceCount = 0;
  blocks.forEach((block, i) => {
    expect(block.id).toBe(`b${i}`);
    if (i > 0) expect(text.slice(blocks[i - 1]?.end ?? 0, block.start)).toBe("\n\n");
    for (const id of block.sentenceIds) {
      const sentence = byId.get(id);
      expect(sentence?.blockId).toBe(block.id);
      expect(sentence?.start).toBeGreaterThanOrEqual(block.start);
      expect(sentence?.end).toBeLessThanOrEqual(block.end);
      sentenceCount += 1;
    }
  });
  expect(sentenceCount).toBe(sentences.length);
  expect(article.stats.sentences).toBe(sentences.length);
  expect(article.stats.characters).toBe(text.length);
  // Outside sentences only whitespace, separators and punctuation: no word the later stages could lose.
  let outside = text;
  for (const s of [...sentences].reverse())
    outside = outside.slice(0, s.start) + outside.slice(s.end);
  expect(outside).not.toMatch(WORD_CHARACTER);
}

const extension = fc.constantFrom(".txt", ".md", ".html", ".json", ".htm", ".markdown", ".text");

describe("normalizeArticle on arbitrary input", () => {
  it("should throw nothing but a typed InputError for any bytes under any supported extension", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), extension, (bytes, ext) => {
        const article = normalizeOrTypedError(bytes, `incoming/any${ext}`);
        if (article) assertArticleInvariants(article);
      }),
      { numRuns: 300 },
    );
  });

  it("should keep offsets, blocks and every word in a sentence for any Unicode plain text or Markdown", () => {
    fc.assert(
      fc.property(unicodeText(200), fc.constantFrom(".txt", ".md"), (text, ext) => {
        const article = normalizeOrTypedError(Buffer.from(text, "utf8"), `incoming/any${ext}`);
        if (article) assertArticleInvariants(article);
      }),
      { numRuns: 300 },
    );
  });

  it("should keep the invariants for any Unicode inside HTML paragraphs and JSON fields", () => {
    fc.assert(
      fc.property(fc.array(wellFormedText(40), { minLength: 1, maxLength: 8 }), (paragraphs) => {
        const escapeHtml = (t: string) =>
          t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        const html = `<html><body><article>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}</article></body></html>`;
        const fromHtml = normalizeOrTypedError(Buffer.from(html, "utf8"), "incoming/any.html");
        if (fromHtml) assertArticleInvariants(fromHtml);
        const json = JSON.stringify({ title: paragraphs[0], text: paragraphs.join("\n\n") });
        const fromJson = normalizeOrTypedError(Buffer.from(json, "utf8"), "incoming/any.json");
        if (fromJson) assertArticleInvariants(fromJson);
      }),
      { numRuns: 200 },
    );
  });
});
