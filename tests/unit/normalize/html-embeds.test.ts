import { describe, expect, it } from "vitest";
import { normalizeArticle } from "../../../shared/normalize";
import { utf8 } from "./helpers";

const BODY = [
  "The port reopened on Tuesday after a week-long strike by dockworkers over pay, and the first ships began to unload at dawn.",
  "Union leaders said the agreement, reached late on Monday, raises wages by six percent over two years and limits night shifts.",
  "Shipping companies, which had diverted dozens of vessels to other harbours, said it would take a fortnight to clear the backlog.",
  "Local shops, short of fresh produce for days, expect the first deliveries by Thursday, according to the chamber of commerce.",
];
const paragraphs = (texts: string[]): string => texts.map((text) => `<p>${text}</p>`).join("");

describe("HTML extraction of embedded posts", () => {
  it("should keep every line of an embedded post written with blank lines", () => {
    // Prepare
    const tweet =
      '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">cranes.<br><br>moving.<br><br>again. <a href="https://t.co/x1">https://t.co/x1</a></p>&mdash; Harbour Watch (@harbourwatch) <a href="https://twitter.com/harbourwatch/status/2">November 19, 2019</a></blockquote></div>';
    const html = `<html><body><article><h1>Harbour strike ends</h1>${paragraphs(BODY.slice(0, 2))}${tweet}${paragraphs(BODY.slice(2))}</article></body></html>`;

    // Act
    const article = normalizeArticle({ bytes: utf8(html), fileName: "page.html" });

    // Assess
    expect(article.text).toMatch(/cranes\.\s+moving\.\s+again\./);
  });

  it("should keep the text of an embedded post whose wrapper is classed as social", () => {
    // Prepare
    const tweet =
      '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">The cranes are moving again at the north quay this morning.</p>&mdash; Harbour Watch (@harbourwatch) <a href="https://twitter.com/harbourwatch/status/1">November 18, 2019</a></blockquote></div>';
    const html = `<html><body><article><h1>Harbour strike ends</h1>${paragraphs(BODY.slice(0, 2))}${tweet}${paragraphs(BODY.slice(2))}</article></body></html>`;

    // Act
    const article = normalizeArticle({ bytes: utf8(html), fileName: "page.html" });

    // Assess
    expect(article.text).toContain("The cranes are moving again at the north quay this morning.");
    expect(article.text).toContain(BODY[3]);
  });
});

describe("HTML extraction of hover cards", () => {
  it("should drop a hover card inside a paragraph and keep the sentence around it", () => {
    // Prepare
    const card =
      '<span class="person"><a href="/people/ana-lima">Ana Lima</a><span class="card"><span><img src="ana.jpg"><a href="/people/ana-lima">Ana Lima</a><a href="/s/1">Port chief praises deal</a> <a href="/s/2">Strike talks resume</a> <a href="/people/ana-lima">MORE</a></span></span></span>';
    const html = `<html><body><article><h1>Harbour strike ends</h1><p>The harbour master ${card} (Lisbon) welcomed the agreement on Tuesday morning.</p>${paragraphs(BODY)}</article></body></html>`;

    // Act
    const article = normalizeArticle({ bytes: utf8(html), fileName: "page.html" });

    // Assess
    expect(article.text).toContain("The harbour master Ana Lima (Lisbon) welcomed the agreement");
    expect(article.text).not.toContain("Strike talks resume");
    expect(article.removed.map((item) => item.reason)).toContain("hover card inside a paragraph");
  });

  it("should keep a paragraph's inline image with a linked credit", () => {
    // Prepare
    const inline =
      '<p>The quay at dawn <span><img src="q.jpg"> photographed by <a href="/p/1">Rui Costa</a> for the port authority, which shared it with <a href="/p/2">local papers</a>.</span></p>';
    const html = `<html><body><article><h1>Harbour strike ends</h1>${inline}${paragraphs(BODY)}</article></body></html>`;

    // Act
    const article = normalizeArticle({ bytes: utf8(html), fileName: "page.html" });

    // Assess
    expect(article.text).toContain("photographed by Rui Costa for the port authority");
  });
});
