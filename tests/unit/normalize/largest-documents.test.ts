/**
 * The Word and PDF inputs of `npm run bench:limits` (tests/bench/limits/documents.ts): just under the size
 * asked, and documents the normalizer reads as articles, headings kept and running headers listed as removed.
 */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../../shared/normalize";
import { largestDocuments } from "../../bench/limits/documents";

const BYTES = 96 * 1024;

describe("largestDocuments", () => {
  it("should build a .docx and a .pdf whose text is just under the size, read as articles with headings and without page furniture", async () => {
    // Prepare
    const documents = await largestDocuments(BYTES);

    // Act
    const articles = await Promise.all(
      documents.map((d) => normalizeDocument({ bytes: d.body, fileName: d.name, maxBytes: BYTES })),
    );

    // Assess
    expect(documents.map((d) => d.name)).toEqual(["largest.docx", "largest.pdf"]);
    for (const [i, document] of documents.entries()) {
      expect(document.body.length).toBeLessThanOrEqual(BYTES);
      const article = articles[i];
      const headings = (article?.blocks ?? [])
        .filter((b) => b.type === "heading")
        .map((b) => article?.text.slice(b.start, b.end));
      expect(headings).toContain("Section 1");
      // The text, not the file, is what reaches the limit.
      expect(article?.stats.characters).toBeGreaterThan(BYTES * 0.9);
      expect(article?.text).not.toContain("Evening Post - The week in the news");
      expect(article?.removed.some((r) => r.text.includes("Evening Post"))).toBe(true);
    }
  }, 60_000);

  it("should have the normalizer refuse a .docx or .pdf of the size, whose text is over it, naming the file", async () => {
    // Prepare
    const documents = await largestDocuments(BYTES, { oversized: true });

    // Act
    const outcomes = await Promise.allSettled(
      documents.map((d) => normalizeDocument({ bytes: d.body, fileName: d.name, maxBytes: BYTES })),
    );

    // Assess
    for (const [i, outcome] of outcomes.entries()) {
      expect(documents[i]?.body.length).toBeGreaterThan(BYTES * 0.95);
      expect(outcome.status).toBe("rejected");
      const reason = (outcome as PromiseRejectedResult).reason as Error;
      expect(reason.name).toBe("InputTooLargeError");
      expect(reason.message).toMatch(new RegExp(`^${documents[i]?.name}: its text is \\d+ bytes`));
    }
  }, 60_000);
});
