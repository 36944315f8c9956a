import type JSZip from "jszip";
import type { RemovedItem } from "../../contract/article";
import { collapseWhitespace } from "../clean";
import { EmptyArticleError, InputTooLargeError, UnreadableDocumentError } from "../errors";
import { readHtml } from "./html";
import type { ParsedDocument } from "./types";
import { unpackedBudget, unpackedTooLarge } from "./unpacked";

/** The header and footer parts of a WordprocessingML package (word/header1.xml, word/footer2.xml…). */
const RUNNING_PART = /^word\/(header|footer)\d*\.xml$/;
const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x?[0-9a-f]+);/gi, (entity, name: string) => {
    if (name[0] !== "#") return XML_ENTITIES[name.toLowerCase()] ?? entity;
    const hex = name[1] === "x" || name[1] === "X";
    return String.fromCodePoint(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

/**
 * A header's or footer's paragraphs as they read: the text runs, and a field (a page number) as its
 * instruction in braces, since the value is computed per page ("Page {PAGE}").
 */
function paragraphsOf(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((paragraph) => {
      const parts = paragraph.matchAll(
        /<w:(t|instrText)(?: [^>]*)?>([^<]*)<\/w:\1>|<w:fldSimple [^>]*w:instr="([^"]*)"/g,
      );
      const text = [...parts].map(([, tag, value, simple]) =>
        tag === "t"
          ? xmlText(value ?? "")
          : `{${
              xmlText(value ?? simple ?? "")
                .trim()
                .split(/\s+/)[0]
            }}`,
      );
      return collapseWhitespace(text.join(""));
    })
    .filter((text) => /[\p{L}\p{N}{]/u.test(text));
}

/** Page headers and footers, which mammoth leaves out of the body: listed, once per text. */
async function runningLines(zip: JSZip): Promise<RemovedItem[]> {
  const removed: RemovedItem[] = [];
  const seen = new Set<string>();
  const parts = Object.keys(zip.files).filter((n) => RUNNING_PART.test(n));
  // Headers first, as a page reads.
  for (const name of parts.sort((a, b) => b.localeCompare(a, "en", { numeric: true }))) {
    const kind = RUNNING_PART.exec(name)?.[1] as string;
    for (const text of paragraphsOf((await zip.file(name)?.async("string")) ?? "")) {
      if (seen.has(`${kind}\n${text}`)) continue;
      seen.add(`${kind}\n${text}`);
      removed.push({ kind: "boilerplate", text, reason: `page ${kind}` });
    }
  }
  return removed;
}

/**
 * Counts what the package's parts inflate to, stream by stream, and stops at the first chunk past the budget:
 * nothing of them is kept, and a bomb is inflated no further than the budget and one chunk. The sizes the zip
 * declares for its parts are not trusted: a bomb can state any.
 */
async function checkUnpackedSize(zip: JSZip, budget: number, fileName: string): Promise<void> {
  let unpacked = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream("nodebuffer");
      stream.on("data", (chunk: Buffer) => {
        unpacked += chunk.length;
        if (unpacked <= budget) return;
        stream.pause();
        reject(unpackedTooLarge("docx", budget, fileName));
      });
      // A damaged part is mammoth's to refuse if the document needs it: its count stops where it broke.
      stream.on("error", () => resolve());
      stream.on("end", () => resolve());
    });
  }
}

/**
 * Word (.docx) → article blocks: mammoth turns the document body into HTML (headings by their Word styles,
 * paragraphs, lists, tables; no page headers or footers, which are listed as removed), read by the HTML path.
 */
export async function readDocx(
  bytes: Uint8Array,
  fileName: string,
  maxBytes: number,
): Promise<ParsedDocument> {
  // mammoth's Node build reads a Buffer (its browser build an ArrayBuffer): a view of the same bytes.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let html: string;
  let running: RemovedItem[];
  // Imported by the first Word document only, as pdf.js by the first PDF.
  const [{ default: zip }, { default: mammoth }] = await Promise.all([
    import("jszip"),
    import("mammoth"),
  ]);
  try {
    const parts = await zip.loadAsync(buffer);
    await checkUnpackedSize(parts, unpackedBudget(maxBytes), fileName);
    running = await runningLines(parts);
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (error) {
    if (error instanceof InputTooLargeError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnreadableDocumentError(
      `is not a Word document that can be read (${reason})`,
      fileName,
    );
  }
  if (!/[\p{L}\p{N}]/u.test(html.replace(/<[^>]*>/g, ""))) {
    throw new EmptyArticleError("is a Word document with no text in its body", fileName);
  }
  const page = `<!doctype html><html><head><title></title></head><body><article>${html}</article></body></html>`;
  const doc = readHtml(page, fileName);
  return { ...doc, format: "docx", removed: [...running, ...doc.removed] };
}
