/**
 * What a PDF's compressed streams unpack to, counted before pdf.js opens it: pdf.js inflates a stream whole
 * into one buffer, so a page of a few hundred kilobytes that inflates to gigabytes would take the function's
 * memory (unpacked.ts). The count reads the file's bytes, not its structure: a dictionary can lie about what a
 * stream is (a filter name escaped or held in another object), and data can hold the bytes `endstream`;
 * zlib data cannot lie about its own end. So after every `stream` keyword the data is inflated as pdf.js
 * inflates it (no checksum, any window size) until it ends, and again while what comes out is zlib data too.
 *
 * Not counted, and so still able to reach pdf.js: data that zlib refuses part way (pdf.js keeps what came out
 * before the damage), data under another filter first (LZW, run-length, ASCII hex or base-85, Brotli), and an
 * encrypted PDF's streams, which only pdf.js decrypts.
 */
import { constants, inflateRawSync } from "node:zlib";
import { unpackedTooLarge } from "./unpacked";

const STREAM = Buffer.from("stream");
const LF = 0x0a;
const CR = 0x0d;
/** What a back-reference before the start of the data reads, as in pdf.js: zeros. */
const ZERO_WINDOW = Buffer.alloc(32 * 1024);
/**
 * Charged for every stream inflated, whatever it gives: each costs a zlib set-up, and a file of nothing but
 * stream headers must not take longer to count than to refuse.
 */
export const STREAM_COST = 4 * 1024;
/**
 * Image streams count against this many times the budget, apart: reading text never inflates them (pdf.js skips
 * every XObject that is not a form), so screenshots that unpack to more than the budget are no bomb; a page's
 * content stream labelled as an image is still bounded by it.
 */
const IMAGE_ALLOWANCE = 4;
/** How far before `stream` its dictionary is looked for an image label. */
const DICTIONARY_WINDOW = 2048;

/** A zlib header as pdf.js takes one (RFC 1950): deflate, a valid check, no preset dictionary. */
function isZlib(data: Buffer): boolean {
  const cmf = data[0];
  const flg = data[1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** The data inflated as far as `room` allows, `over` once it passes it; undefined if zlib refuses it. */
function inflated(data: Buffer, room: number): Buffer | "over" | undefined {
  try {
    return inflateRawSync(data.subarray(2), {
      dictionary: ZERO_WINDOW,
      maxOutputLength: Math.max(1, room + 1),
      finishFlush: constants.Z_SYNC_FLUSH,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return "over";
    return undefined;
  }
}

/** Bytes the data unpacks to through its zlib layers, each held whole by pdf.js (over `room` once past it). */
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

function isImage(pdf: Buffer, keyword: number): boolean {
  const text = pdf.toString("latin1", Math.max(0, keyword - DICTIONARY_WINDOW), keyword);
  const start = text.lastIndexOf("obj");
  return /\/Subtype\s*\/Image\b/.test(start >= 0 ? text.slice(start) : text);
}

/**
 * Throws InputTooLargeError when the PDF's streams would unpack to more than `budget` bytes in all (images:
 * IMAGE_ALLOWANCE times it, apart). Each is inflated only as far as what is left, and nothing of it is kept.
 */
export function checkPdfStreams(bytes: Uint8Array, budget: number, fileName: string): void {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const left = { text: budget, image: IMAGE_ALLOWANCE * budget };
  // The next LF and the next CR, -1 once there is none: each search starts past the last one found, so that
  // finding every keyword's end of line reads the file once (pdf.js skips whatever precedes it).
  let lf = -2;
  let cr = -2;
  // Every `stream` keyword, "endstream" and comments included: a false one starts no zlib data and counts
  // nothing, and a true one's data is never skipped over.
  for (
    let keyword = pdf.indexOf(STREAM);
    keyword >= 0;
    keyword = pdf.indexOf(STREAM, keyword + 1)
  ) {
    const from = keyword + STREAM.length;
    if (lf !== -1 && lf < from) lf = pdf.indexOf(LF, from);
    if (cr !== -1 && cr < from) cr = pdf.indexOf(CR, from);
    const lineEnd = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    if (lineEnd < 0) return;
    const start = pdf[lineEnd] === CR && pdf[lineEnd + 1] === LF ? lineEnd + 2 : lineEnd + 1;
    const data = pdf.subarray(start);
    if (!isZlib(data)) continue;
    const kind = isImage(pdf, keyword) ? "image" : "text";
    left[kind] -= STREAM_COST + unpackedLength(data, left[kind]);
    if (left[kind] >= 0) continue;
    throw kind === "text"
      ? unpackedTooLarge("pdf", budget, fileName)
      : unpackedTooLarge("pdf", IMAGE_ALLOWANCE * budget, fileName, { times: IMAGE_ALLOWANCE });
  }
}
