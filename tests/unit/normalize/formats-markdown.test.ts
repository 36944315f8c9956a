/** The Markdown reader on shapes that once took minutes: each is read as the literal text it is. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../../shared/normalize/formats/markdown";
import {
  boundMarkdownWork,
  MAX_CONTAINER_MARKERS,
  MAX_DELIMITER_RUNS,
} from "../../../shared/normalize/formats/markdown-bounds";
import { MARKDOWN_SHAPES, plainMarkdown } from "../../bench/markdown-shapes";
import { normalizeText, SAMPLES } from "./helpers";

function shape(name: string, bytes: number): string {
  const found = MARKDOWN_SHAPES.find((s) => s.name === name);
  if (!found) throw new Error(`no shape ${name}`);
  return found.make(bytes);
}

/** The body blocks' text, the title and heading included. */
function allText(markdown: string): string {
  const document = readMarkdown(markdown);
  return [document.title ?? "", ...document.blocks.map((b) => b.text)].join("\n");
}

describe("Markdown bounds", () => {
  it("should leave an article's own Markdown unchanged", () => {
    // Prepare
    const sample = readFileSync(join(SAMPLES, "harbour-strike.md"), "utf8");

    // Act
    const bounded = boundMarkdownWork(sample);

    // Assess
    expect(bounded).toBe(sample);
  });

  it("should leave a long plain article unchanged", () => {
    const plain = plainMarkdown(240_000);
    expect(boundMarkdownWork(plain)).toBe(plain);
  });

  it("should keep links and emphasis working below the bounds", () => {
    // Prepare
    const links = Array.from(
      { length: 40 },
      (_, i) => `[link ${i}](https://x.org/${i}) and *em ${i}*`,
    );

    // Act
    const text = allText(links.join(", "));

    // Assess
    expect(text).toContain("link 39 and em 39");
    expect(text).not.toMatch(/[[\]*]|https/);
  });
});

describe("Markdown pathological shapes", () => {
  it("should read a 9 KB heading with 8,000 spaces before its last word as that heading", () => {
    // Prepare
    const markdown = `# Strike ${"word ".repeat(200)}${" ".repeat(8_000)}ends\n\nThe port is shut. Ships wait.\n`;

    // Act
    const document = readMarkdown(markdown);

    // Assess
    expect(document.title?.startsWith("Strike word")).toBe(true);
    expect(document.title?.endsWith(" ends")).toBe(true);
  });

  it("should read a 240 KB paragraph of unclosed `[` as its literal text", () => {
    const markdown = shape("unclosed-brackets", 240_000);
    const text = allText(markdown);
    expect(text.split("[").length - 1).toBe(markdown.split("[").length - 1);
  });

  it("should read a 240 KB paragraph of unclosed `<b ` as its literal text", () => {
    const markdown = shape("unclosed-tags", 240_000);
    const text = allText(markdown);
    expect(text.split("<b").length - 1).toBe(markdown.split("<b").length - 1);
  });

  it("should read a 120 KB paragraph of `[a](` as its literal text", () => {
    const markdown = shape("link-turns", 120_000);
    const text = allText(markdown);
    expect(text.split("](").length - 1).toBe(markdown.split("](").length - 1);
  });

  it("should keep the delimiters past the bound as text in a paragraph of `*a`", () => {
    // Prepare
    const markdown = shape("alternating-emphasis", 120_000);
    const written = markdown.split("*").length - 1;

    // Act
    const text = allText(markdown);

    // Assess: delimiters within the bound paired into emphasis, the rest stayed literal.
    const kept = text.split("*").length - 1;
    expect(kept).toBeLessThan(written);
    expect(kept).toBeGreaterThanOrEqual(written - MAX_DELIMITER_RUNS);
  });

  it("should nest at most the bound of quotes and keep the deeper `>` as text", () => {
    // Act
    const document = readMarkdown(shape("nested-quotes", 30_000));

    // Assess
    const quote = document.blocks.find((b) => b.type === "quote");
    expect(quote?.text.startsWith(">".repeat(1000))).toBe(true);
    expect(quote?.text.endsWith("quoted")).toBe(true);
    expect(quote?.text.length).toBeGreaterThan(30_000 - MAX_CONTAINER_MARKERS - 200);
  });

  it("should read a line of list markers nested thousands deep as one item with the rest as text", () => {
    // Act
    const document = readMarkdown(shape("nested-list-markers", 30_000));

    // Assess
    const items = document.blocks.filter((b) => b.type === "list-item");
    expect(items).toHaveLength(1);
    expect(items[0]?.text.endsWith("- item")).toBe(true);
  });

  it("should normalize every shape at 30 KB into an article", () => {
    for (const { name, make } of MARKDOWN_SHAPES) {
      const article = normalizeText(
        `${make(30_000)}\n\nThe port is shut. Ships wait in the estuary.\n`,
        `${name}.md`,
      );
      expect(article.sentences.length, name).toBeGreaterThan(0);
    }
  });
});
