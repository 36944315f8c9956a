/**
 * The decoder over arbitrary input: whatever the bytes, a typed InputError or text that accounts for every
 * byte; whatever the text, it comes back unchanged through UTF-8 and both UTF-16 byte orders.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../shared/errors";
import { decodeBytes } from "../../shared/normalize/decode";
import { wellFormedText } from "./arbitraries";

const FILE = "incoming/property.txt";

function decodeOrTypedError(bytes: Uint8Array): ReturnType<typeof decodeBytes> | InputError {
  try {
    return decodeBytes(bytes, FILE);
  } catch (error) {
    // Anything but a typed input error is a bug: the handler would retry it, then dead-letter it.
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith(`${FILE}: `)).toBe(true);
    return error;
  }
}

function utf16(text: string, order: "le" | "be"): Uint8Array {
  const units = Buffer.from(text, "utf16le");
  if (order === "be") units.swap16();
  return Uint8Array.from([...(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), ...units]);
}

describe("decodeBytes on arbitrary input", () => {
  it("should throw nothing but a typed InputError naming the file, for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        decodeOrTypedError(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it("should account for every byte: UTF-8 re-encodes to the input, windows-1252 has one character per byte", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        const decoded = decodeOrTypedError(bytes);
        if (decoded instanceof InputError) return;
        if (decoded.encoding === "utf-8") {
          const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
          // Without a BOM, UTF-8 is strict, so nothing was replaced; with one, invalid bytes become U+FFFD.
          if (bom === 0) expect(Buffer.from(decoded.text, "utf8")).toEqual(Buffer.from(bytes));
        } else if (decoded.encoding === "windows-1252") {
          expect(decoded.text.length).toBe(bytes.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("should give back any text unchanged through UTF-8, or refuse it with a typed error", () => {
    fc.assert(
      fc.property(wellFormedText(), (text) => {
        const decoded = decodeOrTypedError(Buffer.from(text, "utf8"));
        if (decoded instanceof InputError) {
          // Only text that really looks binary: empty, a NUL, or a file signature at the start.
          expect(
            text === "" || text.includes("\u0000") || /^(%PDF-|PK|GIF8|RIFF|\x7fELF)/.test(text),
          ).toBe(true);
          return;
        }
        // A text starting with U+FEFF is read as a BOM: the only character the decoder may take.
        expect(decoded.text).toBe(text.startsWith("\ufeff") ? text.slice(1) : text);
      }),
      { numRuns: 300 },
    );
  });

  it("should give back any text unchanged through UTF-16 LE and BE with a BOM", () => {
    fc.assert(
      fc.property(wellFormedText(), fc.constantFrom("le", "be" as const), (text, order) => {
        const decoded = decodeOrTypedError(utf16(text, order));
        if (decoded instanceof InputError) {
          expect(text.includes("\u0000")).toBe(true);
          return;
        }
        expect(decoded.encoding).toBe(order === "le" ? "utf-16le" : "utf-16be");
        expect(decoded.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
