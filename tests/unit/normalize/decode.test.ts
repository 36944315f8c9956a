import { describe, expect, it } from "vitest";
import { normalizeArticle } from "../../../shared/normalize";
import { cleanText } from "../../../shared/normalize/clean";
import { decodeBytes } from "../../../shared/normalize/decode";
import { utf8 } from "./helpers";

const SAMPLE = "Café “news”: Zoë’s £5 déjà vu.";

function utf16(text: string, endian: "le" | "be"): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [first, second] = endian === "le" ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

/** Windows-1252 bytes of SAMPLE, written out by hand so the test does not rely on an encoder. */
const CP1252 = new Uint8Array([
  0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6e, 0x65, 0x77, 0x73, 0x94, 0x3a, 0x20, 0x5a, 0x6f, 0xeb,
  0x92, 0x73, 0x20, 0xa3, 0x35, 0x20, 0x64, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75, 0x2e,
]);

describe("decodeBytes", () => {
  it.each([
    ["UTF-8 without BOM", utf8(SAMPLE), "utf-8"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]), "utf-8"],
    ["UTF-16 LE with BOM", utf16(SAMPLE, "le"), "utf-16le"],
    ["UTF-16 BE with BOM", utf16(SAMPLE, "be"), "utf-16be"],
    ["Windows-1252 (invalid UTF-8)", CP1252, "windows-1252"],
  ])("should decode %s", (_name, bytes, encoding) => {
    // Act
    const decoded = decodeBytes(bytes, "a.txt");

    // Assess
    expect(decoded).toEqual({ text: SAMPLE, encoding });
  });

  it("should report the encoding in the article's source", () => {
    // Act
    const article = normalizeArticle({ bytes: utf16(SAMPLE, "be"), fileName: "a.txt" });

    // Assess
    expect(article.source).toEqual({
      name: "a.txt",
      format: "txt",
      encoding: "utf-16be",
      bytes: 62,
    });
    expect(article.text).toBe(SAMPLE);
  });
});

describe("cleanText", () => {
  it("should compose to NFC", () => {
    expect(cleanText("Cafe\u0301")).toBe("Café");
  });

  it("should unify line endings", () => {
    expect(cleanText("a\r\nb\rc\u2028d")).toBe("a\nb\nc\nd");
  });

  it("should turn non-breaking and typographic spaces into spaces", () => {
    expect(cleanText("10\u00a0a.m.\u202fon\u2009Monday\tlate")).toBe("10 a.m. on Monday late");
  });

  it("should drop zero-width spaces, soft hyphens, BOMs and control characters but keep ZWJ/ZWNJ", () => {
    expect(cleanText("co\u00adoper\u200bation\ufeff\u0007 می\u200cخواهم")).toBe(
      "cooperation می\u200cخواهم",
    );
  });
});
