import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidJsonError, normalizeArticle, normalizeJsonValue } from "../../../shared/normalize";
import { stripInline } from "../../../shared/normalize/formats/markdown";
import { blockTexts, FIXTURES, normalizeFile, normalizeText, SAMPLES, utf8 } from "./helpers";

const CAPTION =
  "Striking dockworkers gather beside a stacked container terminal at the Port of Kelmouth on Monday morning";

describe("Markdown", () => {
  const article = normalizeFile(join(SAMPLES, "harbour-strike.md"));

  it("should take the title from the level-1 heading and drop the repeated headline", () => {
    expect(article.source.format).toBe("md");
    expect(article.title).toBe(
      "Dockworkers At Port Of Kelmouth Walk Out As Pay Talks Collapse, Leaving Ships Stranded",
    );
    expect(article.removed.map((r) => r.kind)).toContain("duplicate-headline");
  });

  it("should type headings, quotes, image captions and list items", () => {
    expect(blockTexts(article, "heading")).toEqual(["Shippers Count The Cost"]);
    expect(blockTexts(article, "quote")).toEqual([
      '"We did not want this. Nobody walks away from a day\'s wages lightly," he said.',
    ]);
    expect(blockTexts(article, "caption")).toEqual([CAPTION]);
    expect(blockTexts(article, "list-item")).toEqual([
      "a rise in line with inflation;",
      "no move to 12-hour shifts without a safety review.",
    ]);
  });

  it("should strip inline markup and list code blocks and footers as removed", () => {
    expect(article.text).toContain("at the Port of Kelmouth walked off");
    expect(article.text).toContain("for the Harbour and Transport Union, said");
    expect(article.text).not.toMatch(/[*[\]`]|https?:/);
    expect(article.removed).toContainEqual(expect.objectContaining({ reason: "code block" }));
    expect(article.removed).toContainEqual(
      expect.objectContaining({ kind: "boilerplate", text: "Share this article" }),
    );
  });

  it("should read the title and language from front matter", () => {
    const md =
      '---\ntitle: "Port Strike"\nlang: es\n---\n\nEl puerto está cerrado. Los barcos esperan.';
    const result = normalizeText(md, "a.md");
    expect(result.title).toBe("Port Strike");
    expect(result.language).toEqual({ code: "es", confidence: 1, method: "override" });
    expect(result.text).not.toContain("lang:");
  });

  it("should read ATX and setext headings", () => {
    const md = "# The Title\n\nFirst paragraph here.\n\nA Section\n---------\n\nMore text here.";
    const result = normalizeText(md, "a.md");
    expect(result.title).toBe("The Title");
    expect(blockTexts(result, "heading")).toEqual(["A Section"]);
  });

  it.each([
    ["**bold** and __strong__", "bold and strong"],
    ["*em* and _em_ but snake_case_name stays", "em and em but snake_case_name stays"],
    ["[a link](https://x.org) and ![alt](i.png)", "a link and alt"],
    ["`code` and <b>tags</b> and \\*escaped\\*", "code and tags and *escaped*"],
  ])("should strip inline markup in %j", (markdown, plain) => {
    expect(stripInline(markdown)).toBe(plain);
  });
});

describe("HTML", () => {
  const article = normalizeFile(join(SAMPLES, "harbour-strike.html"));

  it("should extract the article with its title, heading, caption and quote", () => {
    expect(article.source.format).toBe("html");
    expect(article.title).toBe("Dockworkers At Port Of Kelmouth Walk Out As Pay Talks Collapse");
    expect(blockTexts(article, "heading")).toEqual(["Shippers Count The Cost"]);
    expect(blockTexts(article, "caption")).toEqual([CAPTION]);
    expect(blockTexts(article, "quote")).toEqual([
      '"Stop the clock!" one crane driver shouted at the gates as managers arrived.',
    ]);
    expect(article.stats.paragraphs).toBe(7);
  });

  it("should strip scripts, styles, navigation and frames and list them", () => {
    expect(article.text).not.toMatch(/dataLayer|font-family|Home News Sport|Evening Post/);
    const reasons = article.removed.map((r) => r.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        "script stripped",
        "stylesheet stripped",
        "embedded frame stripped",
        "<nav>: navigation",
        "byline",
      ]),
    );
  });

  it("should decode entities and non-breaking spaces", () => {
    expect(article.text).toContain("resume at 10 a.m. on Wednesday");
  });

  it("should accept the .htm extension", () => {
    const html =
      "<html><body><article><p>The port reopened on Tuesday after a week-long strike by dockworkers over pay. Ships began to unload at dawn.</p></article></body></html>";
    const result = normalizeArticle({ bytes: utf8(html), fileName: "a.htm" });
    expect(result.sentences.map((s) => s.text)).toEqual([
      "The port reopened on Tuesday after a week-long strike by dockworkers over pay.",
      "Ships began to unload at dawn.",
    ]);
  });
});

describe("JSON", () => {
  const text = readFileSync(join(SAMPLES, "harbour-strike.txt"), "utf8");

  it("should read title, text and language", () => {
    // Prepare
    const json = JSON.stringify({
      title: "Port strike",
      text: "Le port est fermé. Les navires attendent.",
      language: "fr",
    });

    // Act
    const article = normalizeText(json, "a.json");

    // Assess
    expect(article.source.format).toBe("json");
    expect(article.title).toBe("Port strike");
    expect(article.language).toEqual({ code: "fr", confidence: 1, method: "override" });
    expect(article.sentences.map((s) => s.text)).toEqual([
      "Port strike",
      "Le port est fermé.",
      "Les navires attendent.",
    ]);
  });

  it("should accept body in place of text and structure it like a text file", () => {
    const article = normalizeText(JSON.stringify({ body: text }), "a.json");
    const fromText = normalizeText(text);
    expect({ ...article, source: null }).toEqual({ ...fromText, source: null });
  });

  it("should clean characters that JSON escapes hide", () => {
    const article = normalizeText('{"text": "10\\u00a0a.m.\\r\\nco\\u00adoperation."}', "a.json");
    expect(article.text).toBe("10 a.m. cooperation.");
  });

  it("should read valid JSON that the text cleanup would break: a raw U+2028 in a string, a mark after an escape", () => {
    // Prepare: both are valid JSON as written; cleaned first, the first gains a raw line break inside a string
    // and the second an invalid escape (NFC folds U+0301 into the "n" of "\\n").
    const lineSeparator = `{"text": "The port closed.\u2028Ships wait."}`;
    const markAfterEscape = `{"text": "The port closed.\\n\u0301Ships wait."}`;

    // Act
    const separated = normalizeText(lineSeparator, "a.json");
    const marked = normalizeText(markAfterEscape, "b.json");

    // Assess
    expect(separated.sentences.map((s) => s.text)).toEqual(["The port closed.", "Ships wait."]);
    expect(marked.sentences.map((s) => s.text)[0]).toBe("The port closed.");
  });

  it("should still read a file with a raw tab inside a string, which JSON forbids", () => {
    const article = normalizeText('{"text": "The port\tclosed."}', "a.json");
    expect(article.text).toBe("The port closed.");
  });

  it("should read an already parsed value as the same value saved as a .json file", () => {
    // Prepare
    const value = { title: "Port strike", text: `${text}\r\n10\u00a0a.m.`, language: "en" };
    const bytes = utf8(JSON.stringify(value));

    // Act
    const article = normalizeJsonValue({ value, bytes: bytes.length, fileName: "a.json" });

    // Assess
    expect(article).toEqual(normalizeArticle({ bytes, fileName: "a.json" }));
  });

  it("should refuse an already parsed value that is not an article object, naming the file", () => {
    const read = (value: unknown) => () =>
      normalizeJsonValue({ value, bytes: 2, fileName: "row.json" });
    expect(read([])).toThrow(InvalidJsonError);
    expect(read({ text: 3 })).toThrow(/row\.json.*"text" must be a string/);
  });
});

describe("a cluttered news page", () => {
  const article = normalizeFile(join(FIXTURES, "cluttered-page.html"));

  it("should keep the article and its structure", () => {
    expect(article.title).toBe("Ferry Operator Cancels Winter Crossings After Engine Fault");
    expect(blockTexts(article, "heading")).toEqual(["Islanders Fear Shortages"]);
    expect(blockTexts(article, "caption")).toEqual([
      "The MV Saltire laid up in dry dock at Greenock on Tuesday",
    ]);
    expect(article.stats.paragraphs).toBe(5);
    expect(article.text).toContain('"We have plans for this. We just did not expect to use them');
  });

  it("should list the navigation, the ad and the read-more link as removed, and drop the newsletter form", () => {
    expect(article.removed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "markup", text: "Home Travel Weather" }),
        expect.objectContaining({ kind: "boilerplate", text: "Advertisement" }),
        expect.objectContaining({
          kind: "boilerplate",
          text: "Read more: How the islands lost their second ferry",
        }),
      ]),
    );
    expect(article.text).not.toMatch(
      /cookies|Related stories|Share on|Coastline Daily|Read more|newsletter|Subscribe/,
    );
  });
});
