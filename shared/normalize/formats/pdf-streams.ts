/**
 * What a PDF's deflated streams unpack to, counted before pdf.js opens it: pdf.js inflates a page's content
 * stream whole into one buffer, so a page of a few hundred kilobytes that inflates to gigabytes would take the
 * function's memory (unpacked.ts). The streams are found in the file's bytes as PDF writes them
 * (`<<dictionary>> stream EOL data endstream`), without parsing the document: enough to bound what pdf.js
 * will inflate. Image streams are not counted (reading text never decodes them), nor streams that do not
 * inflate here: an encrypted PDF's are only deflated after decryption, which pdf.js does, so a bomb inside an
 * encrypted PDF is not caught by this count.
 */
import { constants, inflateSync } from "node:zlib";
import { unpackedTooLarge } from "./unpacked";

const STREAM = Buffer.from("stream");
const END_STREAM = Buffer.from("endstream");
/** How far before `stream` its dictionary is looked for: a stream dictionary is a few hundred bytes. */
const DICTIONARY_WINDOW = 2048;
const LF = 0x0a;
const CR = 0x0d;

/** The stream's dictionary, read as Latin-1 text: from the last `obj` before it (or the window's start). */
function dictionaryBefore(pdf: Buffer, at: number): string {
  const from = Math.max(0, at - DICTIONARY_WINDOW);
  const text = pdf.toString("latin1", from, at);
  const start = text.lastIndexOf("obj");
  return start >= 0 ? text.slice(start) : text;
}

/** Deflated, and not an image: what reading the text may inflate. */
function isCounted(dictionary: string): boolean {
  return /\/FlateDecode\b/.test(dictionary) && !/\/Subtype\s*\/Image\b/.test(dictionary);
}

/** Where a stream's data starts: after `stream` and its end of line (CRLF or LF), or -1 if not a stream. */
function dataStart(pdf: Buffer, keyword: number): number {
  let at = keyword + STREAM.length;
  if (pdf[at] === CR) at++;
  if (pdf[at] !== LF) return pdf[at - 1] === CR ? at : -1;
  return at + 1;
}

/**
 * Throws InputTooLargeError when the deflated streams reading the PDF's text would inflate (image streams
 * aside) unpack to more than `budget` bytes in all. Each stream is inflated only as far as what is left of the
 * budget, and nothing of it is kept.
 */
export function checkPdfStreams(bytes: Uint8Array, budget: number, fileName: string): void {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let unpacked = 0;
  let keyword = pdf.indexOf(STREAM);
  while (keyword >= 0) {
    // "endstream" holds "stream" too: only a keyword not preceded by "end" starts a stream.
    const isEnd = keyword >= 3 && pdf.toString("latin1", keyword - 3, keyword) === "end";
    const start = isEnd ? -1 : dataStart(pdf, keyword);
    if (start < 0) {
      keyword = pdf.indexOf(STREAM, keyword + STREAM.length);
      continue;
    }
    const end = pdf.indexOf(END_STREAM, start);
    const stop = end < 0 ? pdf.length : end;
    if (isCounted(dictionaryBefore(pdf, keyword))) {
      unpacked += inflatedLength(pdf.subarray(start, stop), budget - unpacked);
      if (unpacked > budget) throw unpackedTooLarge("pdf", budget, fileName);
    }
    keyword = end < 0 ? -1 : pdf.indexOf(STREAM, end + END_STREAM.length);
  }
}

/**
 * Bytes the data inflates to, or more than `room` once it passes it (inflating stops there). Data that does
 * not inflate (encrypted, or damaged) counts 0; data cut short counts what inflates of it.
 */
function inflatedLength(data: Buffer, room: number): number {
  try {
    return inflateSync(data, {
      maxOutputLength: Math.max(1, room + 1),
      finishFlush: constants.Z_SYNC_FLUSH,
    }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return room + 1;
    return 0;
  }
}
