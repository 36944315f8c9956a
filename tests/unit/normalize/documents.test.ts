import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { NormalizedArticle } from "../../../shared/contract/article";
import {
  InputTooLargeError,
  NoTextLayerError,
  normalizeArticle,
  normalizeDocument,
  PasswordProtectedPdfError,
  UnreadableDocumentError,
} from "../../../shared/normalize";
import { STORY } from "../../fixtures/documents/generate";
import { blockTexts, REPO_ROOT, utf8 } from "./helpers";

const DOCUMENTS = join(REPO_ROOT, "tests/fixtures/documents");

function readFixture(name: string): Promise<NormalizedArticle> {
  const fileName = `in/${name}`;
  return normalizeDocument({ bytes: readFileSync(join(DOCUMENTS, name)), fileName });
}

const PARAGRAPHS = [...STORY.intro, ...STORY.deal, ...STORY.after];

describe.each(["story.docx", "story.pdf"])("%s", (name) => {
  it("should keep the title, the headings and the paragraphs in reading order", async () => {
    // Act
    const article = await readFixture(name);
    // Assess
    expect(article.source.format).toBe(name.slice(name.lastIndexOf(".") + 1));
    expect(article.title).toBe(STORY.title);
    expect(blockTexts(article, "heading")).toEqual([STORY.heading, STORY.secondHeading]);
    expect(blockTexts(article, "paragraph")).toEqual(PARAGRAPHS);
    expect(article.language.code).toBe("en");
  });

  it("should remove the running header and the page numbers, and list them", async () => {
    // Act
    const article = await readFixture(name);
    // Assess
    expect(article.text).not.toContain(STORY.header);
    expect(article.text).not.toMatch(/Page \d/);
    const listed = article.removed.map((item) => item.text);
    expect(listed).toContain(STORY.header);
    expect(listed.some((text) => text.startsWith("Page "))).toBe(true);
  });
});

describe("PDF refusals", () => {
  it("should refuse a password-protected PDF with PasswordProtectedPdfError naming the file", async () => {
    // Act
    const act = readFixture("encrypted.pdf");
    // Assess
    await expect(act).rejects.toThrow(PasswordProtectedPdfError);
    await expect(act).rejects.toThrow(/^in\/encrypted\.pdf: .*password/);
  });

  it("should refuse a PDF whose page is only an image with NoTextLayerError naming the file", async () => {
    // Act
    const act = readFixture("scanned.pdf");
    // Assess
    await expect(act).rejects.toThrow(NoTextLayerError);
    await expect(act).rejects.toThrow(/^in\/scanned\.pdf: .*no text layer/);
  });

  it.each(["story.pdf", "story.docx"])(
    "should refuse a %s that is not one with UnreadableDocumentError naming the file",
    async (fileName) => {
      // Prepare: text under a document's name.
      const bytes = utf8("The port of Kelmouth reopened on Tuesday.");
      // Act
      const act = normalizeDocument({ bytes, fileName });
      // Assess
      await expect(act).rejects.toThrow(UnreadableDocumentError);
      await expect(act).rejects.toThrow(new RegExp(`^${fileName.replace(".", "\\.")}: `));
    },
  );

  it("should refuse a document over the size limit before reading it", async () => {
    // Prepare
    const bytes = readFileSync(join(DOCUMENTS, "story.pdf"));
    // Act
    const act = normalizeDocument({ bytes, fileName: "big.pdf", maxBytes: 100 });
    // Assess
    await expect(act).rejects.toThrow(InputTooLargeError);
  });
});

describe("the PDF fixtures", () => {
  it("should hold the story in encrypted.pdf, readable with its password only", async () => {
    // Prepare
    const { extractText, getDocumentProxy } = await import("unpdf");
    const data = new Uint8Array(readFileSync(join(DOCUMENTS, "encrypted.pdf")));
    // Act
    const pdf = await getDocumentProxy(data, { password: "kelmouth" });
    const { text } = await extractText(pdf, { mergePages: true });
    // Assess: the password opens it, so the refusal above is for the password and not a broken file.
    expect(text).toContain(STORY.title);
  });
});

describe("normalizeDocument and normalizeArticle", () => {
  it("should give a text article the same through both", async () => {
    // Prepare
    const input = {
      bytes: utf8("Ships unloaded on Tuesday. The strike ended."),
      fileName: "a.txt",
    };
    // Act
    const viaDocument = await normalizeDocument(input);
    // Assess
    expect(viaDocument).toEqual(normalizeArticle(input));
  });

  it("should tell a synchronous caller that a PDF needs normalizeDocument", () => {
    // Prepare
    const bytes = readFileSync(join(DOCUMENTS, "story.pdf"));
    // Act
    const act = () => normalizeArticle({ bytes, fileName: "story.pdf" });
    // Assess
    expect(act).toThrow(/normalizeDocument/);
  });
});
