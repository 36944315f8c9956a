import { analyse } from "chardet";
import type { SourceEncoding } from "../contract/article";

/** Where a browser looks for <meta charset> (the HTML standard's prescan reads the first 1,024 bytes). */
const PRESCAN_BYTES = 1024;
/** <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?> */
const DECLARATION =
  /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)|<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i;

/** A TextDecoder for a label, or null when the Encoding Standard does not know it. */
export function decoderFor(label: string, fatal = false): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/**
 * The encoding an HTML page declares in its head, by its canonical name; null when it declares none, one
 * TextDecoder does not know, or UTF-16 (which a page read as bytes without a BOM cannot be, per the HTML
 * standard).
 */
export function declaredCharset(bytes: Uint8Array): SourceEncoding | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES));
  const match = DECLARATION.exec(head.toString("latin1"));
  const label = match?.[1] ?? match?.[2];
  const encoding = label ? decoderFor(label)?.encoding : undefined;
  if (!encoding || encoding.startsWith("utf-16")) return null;
  return encoding as SourceEncoding;
}

/**
 * Below these chardet confidences (0–100) a guess is not trusted. Short Western European texts in
 * windows-1252 score 10–20 (there are few bytes to go on). The multi-byte recognisers (Shift_JIS, GB18030,
 * Big5, EUC-*) give 10 to any bytes that merely parse and climb fast with the common characters of real
 * text, so they must say more.
 */
const MIN_CONFIDENCE = 10;
const MIN_MULTIBYTE_CONFIDENCE = 30;
const MULTIBYTE = new Set([
  "shift_jis",
  "euc-jp",
  "iso-2022-jp",
  "gbk",
  "gb18030",
  "big5",
  "euc-kr",
]);

/** Decoded text that still holds U+FFFD or C1 control characters was read with the wrong table. */
function looksDecoded(text: string): boolean {
  return !/[\ufffd\u0080-\u009f]/.test(text);
}

/**
 * Text that is neither valid UTF-8 nor marked by a BOM: chardet's candidates, best first, and the first
 * that TextDecoder knows and that decodes without replacement or control characters wins. Null when no
 * candidate is sure enough: the caller refuses the file rather than guess.
 */
export function detectEncoding(
  bytes: Uint8Array,
): { text: string; encoding: SourceEncoding } | null {
  for (const candidate of analyse(bytes)) {
    if (candidate.confidence < MIN_CONFIDENCE) break;
    const decoder = decoderFor(candidate.name, true);
    if (decoder === null || decoder.encoding === "utf-8" || decoder.encoding.startsWith("utf-16")) {
      continue;
    }
    if (MULTIBYTE.has(decoder.encoding) && candidate.confidence < MIN_MULTIBYTE_CONFIDENCE)
      continue;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      continue;
    }
    if (looksDecoded(text)) return { text, encoding: decoder.encoding as SourceEncoding };
  }
  return null;
}
