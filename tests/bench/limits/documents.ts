/**
 * The largest accepted Word and PDF articles for `npm run bench:limits`, of real news text (the same as
 * inputs.ts), laid out as such documents are: a title, a heading every twelve paragraphs, a running header and a
 * page-number footer. Both formats compress their text (a .docx is a zip, the PDF's content streams are
 * deflated, as producers write them), so a file of `bytes` would carry more than `bytes` of text, which the
 * normalizer refuses (InputTooLargeError): the largest accepted one holds just under `bytes` of text, in a file
 * well under `bytes`. `oversized` builds them at `bytes` of file instead, to show that refusal.
 * Built by the fixture generator's means: the `docx` package and tests/fixtures/documents/pdf-writer.ts. */
import { type Document, Packer } from "docx";
import { unpackedBudget } from "../../../shared/normalize/formats/unpacked";
import { articleDocx, type DocxBlock } from "../../fixtures/documents/docx-writer";
import {
  type PdfLine,
  type PdfPageSpec,
  setParagraphs,
  writePdf,
} from "../../fixtures/documents/pdf-writer";
import { longText } from "../normalize-corpus";

const TITLE = "The week in the news";
const HEADER = "Evening Post - The week in the news";
const HEADING_EVERY = 12;
/** Text asked for per file byte: more than either format packs into one (about 2.4 for news). */
const TEXT_PER_BYTE = 6;

function paragraphsOf(bytes: number): string[] {
  const text = new TextDecoder().decode(longText(bytes * TEXT_PER_BYTE));
  return text.split("\n\n").filter((p) => p.trim() !== "");
}

/**
 * The largest n in [0, max] whose build is at most `bytes`, by bisection on the first paragraphs' count (the
 * size grows with n, if not strictly by compression's noise), and its build.
 */
async function largestUnder(
  bytes: number,
  max: number,
  build: (n: number) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  if (max === 0) return build(0);
  let low = 0;
  let high = max;
  let best = await build(0);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const built = await build(mid);
    if (built.length <= bytes) {
      low = mid;
      best = built;
    } else high = mid - 1;
  }
  if (best.length > bytes) throw new Error(`even an empty document is over ${bytes} bytes`);
  return best;
}

function docxOf(paragraphs: string[]): Document {
  const blocks: DocxBlock[] = [];
  for (const [i, text] of paragraphs.entries()) {
    if (i > 0 && i % HEADING_EVERY === 0) blocks.push({ heading: `Section ${i / HEADING_EVERY}` });
    blocks.push(text);
  }
  return articleDocx({
    creator: "tests/bench/limits/documents.ts",
    title: TITLE,
    header: HEADER,
    blocks,
  });
}

const PAGE_TOP = 720;
const PAGE_BOTTOM = 60;
const BODY = { size: 11, width: 88, leading: 14, gap: 8 };

/** The paragraphs set on US Letter pages, a paragraph running over a page break where it falls. */
function pdfPages(paragraphs: string[]): PdfPageSpec[] {
  const pages: PdfLine[][] = [[{ text: TITLE, x: 72, y: PAGE_TOP, size: 20, bold: true }]];
  let y = PAGE_TOP - 36;
  const place = (line: PdfLine, below: number) => {
    if (y < PAGE_BOTTOM) {
      pages.push([]);
      y = PAGE_TOP;
    }
    pages.at(-1)?.push({ ...line, y });
    y -= below;
  };
  for (const [i, text] of paragraphs.entries()) {
    if (i > 0 && i % HEADING_EVERY === 0) {
      place({ text: `Section ${i / HEADING_EVERY}`, x: 72, y: 0, size: 14, bold: true }, 22);
    }
    const { lines } = setParagraphs([text], { top: 0, ...BODY });
    for (const [n, line] of lines.entries()) {
      place(line, n === lines.length - 1 ? BODY.leading + BODY.gap : BODY.leading);
    }
  }
  return pages.map((lines, i) => ({
    lines: [
      { text: HEADER, x: 72, y: 756, size: 9 },
      ...lines,
      { text: `Page ${i + 1} of ${pages.length}`, x: 280, y: 36, size: 9 },
    ],
  }));
}

/** How many of the first paragraphs keep the text (title, headings, paragraphs, as blocks) within `bytes`. */
function paragraphsWithin(paragraphs: string[], bytes: number): number {
  // A little room for what a reader may add (a line break kept, a heading's number).
  let text = Buffer.byteLength(TITLE) + 2 + 1024;
  for (const [i, p] of paragraphs.entries()) {
    text += Buffer.byteLength(p) + 2 + (i > 0 && i % HEADING_EVERY === 0 ? 16 : 0);
    if (text > bytes) return i;
  }
  return paragraphs.length;
}

/** The largest .docx and .pdf the normalizer accepts at `bytes` (`oversized`: files of `bytes`, refused). */
export async function largestDocuments(
  bytes: number,
  options: { oversized?: boolean } = {},
): Promise<{ name: string; body: Uint8Array }[]> {
  const all = paragraphsOf(bytes);
  const paragraphs = options.oversized ? all : all.slice(0, paragraphsWithin(all, bytes));
  const docx = await largestUnder(bytes, paragraphs.length, async (n) =>
    Packer.toBuffer(docxOf(paragraphs.slice(0, n))),
  );
  const pdf = await largestUnder(bytes, paragraphs.length, async (n) =>
    writePdf({ pages: pdfPages(paragraphs.slice(0, n)), compress: true }),
  );
  const prefix = options.oversized ? "oversized" : "largest";
  return [
    { name: `${prefix}.docx`, body: docx },
    { name: `${prefix}.pdf`, body: pdf },
  ];
}

/**
 * A .docx and a .pdf of a few hundred kilobytes whose compressed parts unpack to twice what the normalizer
 * allows at `bytes` (shared/normalize/formats/unpacked.ts): one paragraph, then blanks, as document bombs are.
 * Refused while they are counted, within the stage's memory.
 */
export async function bombDocuments(bytes: number): Promise<{ name: string; body: Uint8Array }[]> {
  const blanks = 2 * unpackedBudget(bytes);
  const paragraph = "The council said the report would be published next week.";
  const docx = await Packer.toBuffer(docxOf([`${paragraph}${" ".repeat(blanks)}`]));
  const pdf = writePdf({
    pages: [{ lines: [{ text: paragraph, x: 72, y: PAGE_TOP, size: 11 }], blankBytes: blanks }],
    compress: true,
  });
  return [
    { name: "bomb.docx", body: docx },
    { name: "bomb.pdf", body: pdf },
  ];
}
