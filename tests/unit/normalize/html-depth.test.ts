import { describe, expect, it } from "vitest";
import { NestingTooDeepError, normalizeArticle } from "../../../shared/normalize";
import { MAX_DEPTH } from "../../../shared/normalize/formats/html/prepare";
import { utf8 } from "./helpers";

const PARAGRAPH =
  "The port reopened on Tuesday after a week-long strike by dockworkers over pay. Ships began to unload at dawn.";

function wrapped(depth: number): Uint8Array {
  const body = `<h1>Harbour strike ends</h1>${`<p>${PARAGRAPH}</p>`.repeat(3)}`;
  return utf8(`<html><body>${"<div>".repeat(depth)}${body}${"</div>".repeat(depth)}</body></html>`);
}

function nestedWithText(depth: number): Uint8Array {
  return utf8(
    `<html><body>${`<div><p>${PARAGRAPH}</p>`.repeat(depth)}${"</div>".repeat(depth)}</body></html>`,
  );
}

describe("deeply nested HTML", () => {
  it.each([
    ["2,500", 2_500],
    ["20,000", 20_000],
  ])("should read an article wrapped in %s single-child <div>s", (_label, depth) => {
    // Act
    const article = normalizeArticle({ bytes: wrapped(depth), fileName: "deep.html" });

    // Assess
    expect(article.title).toBe("Harbour strike ends");
    expect(article.stats.paragraphs).toBe(3);
    expect(article.text).toContain("Ships began to unload at dawn.");
  });

  it("should read a page nested below the limit with text at every level", () => {
    // Act
    const article = normalizeArticle({ bytes: nestedWithText(150), fileName: "deep.html" });

    // Assess
    expect(article.sentences.length).toBeGreaterThan(0);
  });

  it("should refuse a page nested beyond the limit with text at every level, naming the file", () => {
    // Act
    const act = () => normalizeArticle({ bytes: nestedWithText(2_500), fileName: "in/deep.html" });

    // Assess
    expect(act).toThrow(NestingTooDeepError);
    expect(act).toThrow(
      new RegExp(
        `^in/deep\\.html: HTML elements nest \\d+ levels deep \\(the limit is ${MAX_DEPTH}`,
      ),
    );
  });
});
