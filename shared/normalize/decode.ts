import type { SourceEncoding } from "../contract/article";
import { declaredCharset, decoderFor, detectEncoding } from "./charset";
import { BinaryInputError, EmptyArticleError, UnknownEncodingError } from "./errors";

export interface DecodedText {
  text: string;
  encoding: SourceEncoding;
}

interface Signature {
  name: string;
  bytes: number[];
}

/** Magic numbers of the binary files most likely to be dropped in the bucket by mistake. */
const BINARY_SIGNATURES: Signature[] = [
  { name: "PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "PDF document", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "ZIP archive (or docx/xlsx/epub)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "empty ZIP archive", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: "gzip archive", bytes: [0x1f, 0x8b] },
  { name: "JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "WebP/RIFF file", bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: "7-Zip archive", bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: "OLE document (legacy .doc/.xls)", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: "ELF executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function assertNotBinary(bytes: Uint8Array, fileName: string): void {
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      throw new BinaryInputError(`looks like a ${signature.name}, not a text article`, fileName);
    }
  }
  // A NUL byte never occurs in UTF-8 or Windows-1252 text (UTF-16 with a BOM is decoded before this check).
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new BinaryInputError(
      `contains a NUL byte at offset ${nul}: binary data, or UTF-16 without a byte order mark`,
      fileName,
    );
  }
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder("utf-8", { ignoreBOM: true });
const utf16le = new TextDecoder("utf-16le", { ignoreBOM: true });
const utf16be = new TextDecoder("utf-16be", { ignoreBOM: true });

export interface DecodeOptions {
  /** The bytes are an HTML page: a charset it declares in its head is honoured. */
  html?: boolean;
}

/**
 * Bytes → text. A BOM decides (UTF-8, UTF-16 LE/BE), unless what follows it cannot be that encoding. Then
 * an HTML page's declared charset (<meta charset>, http-equiv Content-Type), strict UTF-8, and for what is
 * none of these chardet's detection; a file whose encoding cannot be told is refused, never read as
 * mojibake.
 */
export function decodeBytes(
  bytes: Uint8Array,
  fileName: string,
  options: DecodeOptions = {},
): DecodedText {
  if (bytes.length === 0) throw new EmptyArticleError("the file is empty (0 bytes)", fileName);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: decodeUtf8(bytes.subarray(3), fileName), encoding: "utf-8" };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: decodeUtf16(utf16le, bytes.subarray(2), fileName), encoding: "utf-16le" };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: decodeUtf16(utf16be, bytes.subarray(2), fileName), encoding: "utf-16be" };
  }
  assertNotBinary(bytes, fileName);
  const utf8 = strictUtf8(bytes);
  const declared = options.html ? declaredCharset(bytes) : null;
  // A page saved again as UTF-8 often keeps its old declaration: valid multi-byte UTF-8 outweighs it.
  if (declared !== null && declared !== "utf-8" && !(utf8 !== null && hasNonAscii(bytes))) {
    const decoder = decoderFor(declared) as InstanceType<typeof TextDecoder>;
    return { text: decoder.decode(bytes), encoding: declared };
  }
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  const detected = detectEncoding(bytes);
  if (detected === null) {
    throw new UnknownEncodingError(
      "is not valid UTF-8 and its encoding could not be recognised; save it as UTF-8 (or declare the charset of an HTML page)",
      fileName,
    );
  }
  return detected;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/** The BOM says UTF-8, so a stray invalid byte becomes U+FFFD rather than switching encodings. */
function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  assertNotBinary(bytes, fileName);
  return utf8Lenient.decode(bytes);
}

/**
 * UTF-16 text has a NUL in every character below U+0100 (spaces, digits, line breaks). A "UTF-16" body
 * without one that reads as UTF-8 with spaces or line breaks and no control characters is UTF-8 behind a
 * stray BOM: decoded as UTF-16 it would become CJK-looking garbage.
 */
function isUtf8TextBehindBom(bytes: Uint8Array): boolean {
  if (bytes.length < MIN_TEXT_BYTES || bytes.includes(0)) return false;
  let spacing = false;
  for (const byte of bytes) {
    if (byte === 0x20 || byte === 0x0a) spacing = true;
    else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  }
  return spacing && strictUtf8(bytes) !== null;
}
const MIN_TEXT_BYTES = 8;

/** Lone surrogates and odd lengths are refused too: the bytes are not the UTF-16 the BOM says. */
function decodeUtf16(
  decoder: InstanceType<typeof TextDecoder>,
  bytes: Uint8Array,
  fileName: string,
): string {
  const label = decoder.encoding.toUpperCase().replace("UTF-16", "UTF-16 ");
  if (isUtf8TextBehindBom(bytes)) {
    throw new UnknownEncodingError(
      `starts with a ${label} byte order mark, but the bytes after it are UTF-8 text`,
      fileName,
    );
  }
  const text = decoder.decode(bytes);
  if (text.includes("\u0000")) {
    throw new BinaryInputError("decodes as UTF-16 but contains NUL characters", fileName);
  }
  if (bytes.length % 2 === 1 || text.includes("\ufffd")) {
    throw new UnknownEncodingError(
      `starts with a ${label} byte order mark, but what follows is not valid ${label.replace(" ", "")}`,
      fileName,
    );
  }
  return text;
}
