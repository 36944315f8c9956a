/**
 * Input shapes that cost far more than their size in a naive normalizer (issue 13: "work bounded by size for
 * every input shape"). Each row of bench:normalize times one of them against a plain article of the same
 * size and format. Adding a shape is one line in SHAPES: a name, a file name (its extension picks the
 * format) and the input.
 */

export interface Shape {
  name: string;
  fileName: string;
  input: () => string;
}

const SENTENCE = "The port reopened on Tuesday after a week-long strike by dockworkers over pay.";
const PARAGRAPH = `${SENTENCE} Ships began to unload at dawn, and the first lorries left by noon.`;

/** An article wrapped in `depth` <div>s, each holding only the next. */
function nestedWrappers(depth: number): string {
  const body = `<h1>Harbour strike ends</h1>${`<p>${PARAGRAPH}</p>`.repeat(5)}`;
  return `<html><head><title>Harbour</title></head><body>${"<div>".repeat(depth)}${body}${"</div>".repeat(depth)}</body></html>`;
}

/** `depth` nested <div>s, each with a paragraph of its own before the next level. */
function nestedWithText(depth: number): string {
  return `<html><head><title>Harbour</title></head><body>${`<div><p>${PARAGRAPH}</p>`.repeat(depth)}${"</div>".repeat(depth)}</body></html>`;
}

export const SHAPES: Shape[] = [
  {
    name: "HTML, 2,500 nested wrapper <div>s",
    fileName: "deep.html",
    input: () => nestedWrappers(2_500),
  },
  {
    name: "HTML, 20,000 nested wrapper <div>s",
    fileName: "deep.html",
    input: () => nestedWrappers(20_000),
  },
  {
    name: "HTML, 150 levels with text at each",
    fileName: "deep.html",
    input: () => nestedWithText(150),
  },
  {
    name: "HTML, 2,500 levels with text at each",
    fileName: "deep.html",
    input: () => nestedWithText(2_500),
  },
];

/** A plain article of about `bytes` bytes in the format of `fileName`: paragraphs, nothing nested. */
export function plainArticle(fileName: string, bytes: number): string {
  const count = Math.max(1, Math.round(bytes / (PARAGRAPH.length + 9)));
  const paragraphs = Array.from({ length: count }, () => PARAGRAPH);
  if (fileName.endsWith(".html")) {
    return `<html><head><title>Harbour</title></head><body><article><h1>Harbour strike ends</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
  }
  return `Harbour strike ends\n\n${paragraphs.join("\n\n")}`;
}
