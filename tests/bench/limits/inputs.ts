/**
 * The largest accepted article, in each format the pipeline takes, for `npm run bench:limits`: exactly
 * `bytes` bytes of real news text (the dev articles when ../shared/eval is present, else the samples),
 * as plain text, as Markdown, and as an HTML news page with its usual wrappers and boilerplate.
 */
import { longText } from "../normalize-corpus";

const encoder = new TextEncoder();

function paragraphsOf(bytes: number): string[] {
  const text = new TextDecoder().decode(longText(bytes));
  return text.split("\n\n").filter((p) => p.trim() !== "");
}

/** Exactly `bytes` bytes: `head`, as many paragraphs as fit, a filler paragraph, then `tail`. */
function fill(
  bytes: number,
  head: string,
  paragraphs: string[],
  render: (paragraph: string, index: number) => string,
  tail: string,
): Uint8Array {
  let out = head;
  let size = encoder.encode(head).length + encoder.encode(tail).length;
  const filler = render("", -1);
  const fillerBytes = encoder.encode(filler).length;
  for (const [i, p] of paragraphs.entries()) {
    const piece = render(p, i);
    const pieceBytes = encoder.encode(piece).length;
    if (size + pieceBytes + fillerBytes + 8 > bytes) break;
    out += piece;
    size += pieceBytes;
  }
  // The rest as one more paragraph of plain ASCII words, so the file is exactly `bytes` long.
  const room = bytes - size - fillerBytes;
  const words = "The council said the report would be published next week. ".repeat(
    Math.ceil(room / 59) + 1,
  );
  out += render(words.slice(0, room).trimEnd().padEnd(room, "."), -1) + tail;
  const encoded = encoder.encode(out);
  if (encoded.length !== bytes) throw new Error(`built ${encoded.length} bytes, wanted ${bytes}`);
  return encoded;
}

export interface LargestArticle {
  name: string;
  body: Uint8Array;
}

export function largestArticles(bytes: number): LargestArticle[] {
  const paragraphs = paragraphsOf(bytes);
  const txt = fill(bytes, "", paragraphs, (p) => `${p}\n\n`, "");
  const md = fill(
    bytes,
    "# The week in the news\n\n",
    paragraphs,
    (p, i) => (i > 0 && i % 12 === 0 ? `## Section ${i / 12}\n\n${p}\n\n` : `${p}\n\n`),
    "",
  );
  const html = fill(
    bytes,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The week in the news | Evening Post</title><style>body{font-family:serif}</style><script>window.dataLayer=[{page:"article"}];</script></head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><main><article><h1>The week in the news</h1><p class="byline">By Staff Reporters</p>\n`,
    paragraphs,
    (p, i) =>
      (i > 0 && i % 10 === 0
        ? `<aside class="related"><h3>Related</h3><ul><li><a href="/news/${i}">More on this story</a></li><li><a href="/news/${i + 1}">Analysis</a></li></ul></aside>\n`
        : "") +
      `<div class="paragraph-wrapper"><p class="body-text">${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p></div>\n`,
    `</article></main><footer><p>© Evening Post. All rights reserved.</p></footer></body></html>\n`,
  );
  return [
    { name: "largest.txt", body: txt },
    { name: "largest.md", body: md },
    { name: "largest.html", body: html },
  ];
}
