import { InputError } from "../../errors";
import { NoTextLayerError, PasswordProtectedPdfError, UnreadableDocumentError } from "../errors";
import { layoutPages, type PdfPage, type PdfTextRun } from "./pdf-layout";
import { checkPdfStreams } from "./pdf-streams";
import type { ParsedDocument } from "./types";
import { unpackedBudget } from "./unpacked";

const HAS_WORD = /[\p{L}\p{N}]/u;

type PDFDocumentProxy = Awaited<ReturnType<typeof import("unpdf").getDocumentProxy>>;

/** pdf.js's text item (TextItem), as far as it is read here. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

/** Each page's text runs, positioned from the page box's bottom edge (a box need not start at 0). */
async function pagesOf(pdf: PDFDocumentProxy): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const [, bottom = 0, , top = 0] = page.view;
    const runs = (content.items as TextItem[])
      .filter((item) => typeof item.str === "string")
      .map(
        (item): PdfTextRun => ({
          text: item.str,
          x: item.transform[4] ?? 0,
          y: (item.transform[5] ?? 0) - bottom,
          width: item.width,
          size: Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0),
        }),
      );
    pages.push({ height: top - bottom, runs });
  }
  return pages;
}

/** What pdf.js threw, as the article's error. */
function refusal(error: unknown, fileName: string): InputError {
  if (error instanceof InputError) return error;
  if (error instanceof Error && error.name === "PasswordException") {
    return new PasswordProtectedPdfError(
      "is a password-protected PDF: its text cannot be read without the password",
      fileName,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new UnreadableDocumentError(`is not a PDF that can be read (${reason})`, fileName);
}

/**
 * PDF → article blocks, through pdf.js (unpdf's build of it for serverless runtimes: no worker, no canvas):
 * each page's text runs as the page draws them, then laid out into headings and paragraphs without the
 * running headers, footers and page numbers (pdf-layout.ts). A PDF pdf.js opens only with a password, or
 * whose pages carry no text (scans), is refused with its own error, and one whose streams would unpack to
 * more than the input limit allows (unpacked.ts) before pdf.js opens it.
 */
export async function readPdf(
  bytes: Uint8Array,
  fileName: string,
  maxBytes: number,
): Promise<ParsedDocument> {
  checkPdfStreams(bytes, unpackedBudget(maxBytes), fileName);
  // Imported by the first PDF only: pdf.js is larger than everything else the command line loads.
  const { getDocumentProxy } = await import("unpdf");
  let pdf: PDFDocumentProxy | undefined;
  try {
    // pdf.js takes the buffer over (transfers it): a copy leaves the caller's bytes whole. No eval of font
    // programs (only text is read), and warnings off: a damaged font is not the article's fault.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
    const pages = await pagesOf(pdf);
    if (!pages.some((page) => page.runs.some((run) => HAS_WORD.test(run.text)))) {
      const count = pages.length === 1 ? "its page has" : `its ${pages.length} pages have`;
      throw new NoTextLayerError(
        `is a PDF with no text layer: ${count} no text, only images (a scan? run OCR on it first)`,
        fileName,
      );
    }
    const { blocks, removed } = layoutPages(pages);
    return { format: "pdf", title: null, blocks, removed };
  } catch (error) {
    throw refusal(error, fileName);
  } finally {
    await pdf?.destroy();
  }
}
