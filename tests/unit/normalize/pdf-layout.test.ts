import { describe, expect, it } from "vitest";
import { layoutPages, type PdfPage } from "../../../shared/normalize/formats/pdf-layout";

const HEIGHT = 792;

/** A page of lines, one run each: [text, y, size?]. */
function page(...lines: [string, number, number?][]): PdfPage {
  return {
    height: HEIGHT,
    runs: lines.map(([text, y, size = 11]) => ({ text, x: 72, y, width: text.length * 5, size })),
  };
}

const texts = (pages: PdfPage[]) => layoutPages(pages).blocks.map((block) => block.text);

describe("PDF layout", () => {
  it("should join lines set close together into one paragraph and split at a wider gap", () => {
    // Prepare
    const pages = [
      page(["Ships waited in the", 700], ["estuary for a week.", 686], ["A new one.", 650]),
    ];
    // Act
    const blocks = texts(pages);
    // Assess
    expect(blocks).toEqual(["Ships waited in the estuary for a week.", "A new one."]);
  });

  it("should type lines set larger than the body as headings", () => {
    // Prepare
    const pages = [page(["Harbour reopens", 720, 20], ["The port reopened on Tuesday.", 690])];
    // Act
    const { blocks } = layoutPages(pages);
    // Assess
    expect(blocks).toEqual([
      { text: "Harbour reopens", type: "heading" },
      { text: "The port reopened on Tuesday." },
    ]);
  });

  it("should keep runs of one line together in drawing order", () => {
    // Prepare: two runs on one baseline, the second after a space's width.
    const pdfPage: PdfPage = {
      height: HEIGHT,
      runs: [
        { text: "The port", x: 72, y: 700, width: 40, size: 11 },
        { text: "reopened.", x: 115, y: 700, width: 45, size: 11 },
      ],
    };
    // Act
    const blocks = texts([pdfPage]);
    // Assess
    expect(blocks).toEqual(["The port reopened."]);
  });

  it("should go on with a paragraph that a page break cuts mid-sentence", () => {
    // Prepare
    const pages = [page(["The union said the deal", 100]), page(["would hold until spring.", 700])];
    // Act
    const blocks = texts(pages);
    // Assess
    expect(blocks).toEqual(["The union said the deal would hold until spring."]);
  });

  it("should start a new paragraph on the next page after a closed sentence", () => {
    // Prepare
    const pages = [page(["The deal holds.", 100]), page(["Ships unloaded.", 700])];
    // Act
    const blocks = texts(pages);
    // Assess
    expect(blocks).toEqual(["The deal holds.", "Ships unloaded."]);
  });

  it("should remove a header repeated at the top of every page and list it once", () => {
    // Prepare
    const bodies = ["Ships waited.", "The strike ended.", "Lorries queued."];
    const pages = bodies.map((body) => page(["Kelmouth Gazette", 760, 9], [body, 700]));
    // Act
    const { blocks, removed } = layoutPages(pages);
    // Assess
    expect(blocks.map((b) => b.text)).toEqual(bodies);
    expect(removed).toEqual([
      { kind: "boilerplate", text: "Kelmouth Gazette", reason: "page header" },
    ]);
  });

  it("should remove a page number at a page's foot, even in a one-page document", () => {
    // Prepare
    const pages = [page(["The port reopened.", 700], ["- 1 -", 30, 9])];
    // Act
    const { blocks, removed } = layoutPages(pages);
    // Assess
    expect(blocks.map((b) => b.text)).toEqual(["The port reopened."]);
    expect(removed).toEqual([{ kind: "boilerplate", text: "- 1 -", reason: "page number" }]);
  });

  it("should keep the first line of a one-page document, which repeats nowhere", () => {
    // Prepare
    const pages = [page(["Harbour reopens", 760, 16], ["The port reopened on Tuesday.", 700])];
    // Act
    const { blocks, removed } = layoutPages(pages);
    // Assess
    expect(blocks.map((b) => b.text)).toEqual(["Harbour reopens", "The port reopened on Tuesday."]);
    expect(removed).toEqual([]);
  });

  it("should keep a number standing in the middle of a page", () => {
    // Prepare
    const pages = [page(["The tally:", 700], ["42", 400], ["Ships unloaded.", 380])];
    // Act
    const blocks = texts(pages);
    // Assess
    expect(blocks).toContain("42");
  });
});
