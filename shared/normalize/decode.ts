import type { SourceEncoding } from "../contract/article";
import { BinaryInputError, EmptyArticleError } from "./errors";

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
const windows1252 = new TextDecoder("windows-1252");
const utf16le = new TextDecoder("utf-16le", { ignoreBOM: true });
const utf16be = new TextDecoder("utf-16be", { ignoreBOM: true });

/**
 * Bytes → text. A BOM decides (UTF-8, UTF-16 LE/BE); without one, strict UTF-8, and Windows-1252 when that
 * fails: old newsroom exports are cp1252, and every byte sequence is valid cp1252, so nothing is lost.
 */
export function decodeBytes(bytes: Uint8Array, fileName: string): DecodedText {
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
  try {
    return { text: utf8Strict.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: windows1252.decode(bytes), encoding: "windows-1252" };
  }
}

/** The BOM says UTF-8, so a stray invalid byte becomes U+FFFD rather than switching to Windows-1252. */
function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  assertNotBinary(bytes, fileName);
  return utf8Lenient.decode(bytes);
}

function decodeUtf16(
  decoder: InstanceType<typeof TextDecoder>,
  bytes: Uint8Array,
  fileName: string,
): string {
  const text = decoder.decode(bytes);
  if (text.includes("\u0000")) {
    throw new BinaryInputError("decodes as UTF-16 but contains NUL characters", fileName);
  }
  return text;
}
