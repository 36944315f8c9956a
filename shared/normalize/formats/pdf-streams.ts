/**
 * What a PDF's compressed streams unpack to, counted before pdf.js opens it: pdf.js inflates a stream whole
 * into one buffer, so a page of a few hundred kilobytes that inflates to gigabytes would take the function's
 * memory (unpacked.ts). The count reads the file's bytes, not its structure: a dictionary can lie about what a
 * stream is (an image label on a page's content, a filter name escaped or held in another object), and data
 * can hold the bytes `endstream`; zlib data cannot lie about its own end. So after every `stream` keyword the
 * data is inflated as far as it goes (zlib stops at its stream's end), and again while what comes out is zlib
 * data too. Every stream counts, images included (their size is what they would take if drawn). Not counted:
 * data under another filter first (LZW, run-length, an ASCII hex or base-85 layer), and the streams of an
 * encrypted PDF, which only pdf.js decrypts: a bomb so wrapped still reaches pdf.js.
 */
import { constants, inflateSync } from "node:zlib";
import { unpackedTooLarge } from "./unpacked";

const STREAM = Buffer.from("stream");
const LF = 0x0a;
const CR = 0x0d;

/** PDF white-space characters other than end-of-line ones, which pdf.js skips after `stream`. */
function isBlank(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

/** Where a stream's data starts: after `stream`, blanks and one end of line; -1 if no end of line follows. */
function dataStart(pdf: Buffer, keyword: number): number {
  let at = keyword + STREAM.length;
  while (isBlank(pdf[at])) at++;
  if (pdf[at] === CR) return pdf[at + 1] === LF ? at + 2 : at + 1;
  return pdf[at] === LF ? at + 1 : -1;
}

/** The two bytes of a zlib header (RFC 1950): deflate, a window of at most 32 KiB, a valid check. */
function isZlib(data: Buffer): boolean {
  const cmf = data[0];
  const flg = data[1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

/** Outcome of inflating as far as `room` allows: the bytes, or `over` once it passes `room`. */
function inflated(data: Buffer, room: number): Buffer | "over" | undefined {
  try {
    return inflateSync(data, {
      maxOutputLength: Math.max(1, room + 1),
      finishFlush: constants.Z_SYNC_FLUSH,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return "over";
    return undefined;
  }
}

/**
 * Bytes the stream's data unpacks to through its zlib layers, each held whole by pdf.js (more than `room` once
 * it passes it); 0 when it is no zlib data at all (stored as is, a JPEG, another filter, or encrypted).
 */
function unpackedLength(data: Buffer, room: number): number {
  let length = 0;
  for (let layer = data; isZlib(layer); ) {
    const out = inflated(layer, room - length);
    if (out === "over") return room + 1;
    if (out === undefined) break;
    length += out.length;
    layer = out;
  }
  return length;
}

/**
 * Throws InputTooLargeError when the PDF's streams would unpack to more than `budget` bytes in all. Each is
 * inflated only as far as what is left of the budget, and nothing of it is kept.
 */
export function checkPdfStreams(bytes: Uint8Array, budget: number, fileName: string): void {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let unpacked = 0;
  // Every `stream` keyword followed by an end of line, "endstream" and comments included: a false one starts
  // no zlib data and counts 0, and a true one's data is never skipped over.
  for (
    let keyword = pdf.indexOf(STREAM);
    keyword >= 0;
    keyword = pdf.indexOf(STREAM, keyword + 1)
  ) {
    const start = dataStart(pdf, keyword);
    if (start < 0) continue;
    unpacked += unpackedLength(pdf.subarray(start), budget - unpacked);
    if (unpacked > budget) throw unpackedTooLarge("pdf", budget, fileName);
  }
}
