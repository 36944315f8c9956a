/**
 * A PDF deflates its streams: its bytes do not bound what pdf.js inflates. A PDF bomb is refused from the
 * count of its streams before pdf.js opens it; image streams, which reading text never inflates, do not count.
 */
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../../shared/normalize";
import { InputTooLargeError } from "../../../shared/normalize/errors";
import { checkPdfStreams } from "../../../shared/normalize/formats/pdf-streams";
import { type PdfPageSpec, type PdfSpec, writePdf } from "../../fixtures/documents/pdf-writer";

const LIMIT = 64 * 1024;
const SENTENCE = "The harbour strike went on for a third day.";

function onePagePdf(page: Partial<PdfPageSpec>, spec: Partial<PdfSpec> = {}): Uint8Array {
  const lines = [{ text: SENTENCE, x: 72, y: 712, size: 12 }];
  return writePdf({ pages: [{ lines, ...page }], compress: true, ...spec });
}

/** Stream objects alone, each `[dictionary entries, bytes of spaces deflated]`: what checkPdfStreams scans. */
function streams(...specs: [string, number][]): Uint8Array {
  return Buffer.concat(
    specs.flatMap(([entries, bytes], i) => {
      const data = deflateSync(Buffer.alloc(bytes, 0x20));
      return [
        Buffer.from(
          `${i + 1} 0 obj\n<< ${entries} /Filter /FlateDecode /Length ${data.length} >>\nstream\r\n`,
        ),
        data,
        Buffer.from("\nendstream\nendobj\n"),
      ];
    }),
  );
}

describe("a PDF's deflated streams", () => {
  it("should refuse a PDF bomb with InputTooLargeError naming the file, before pdf.js reads it", async () => {
    // Prepare: a page of a few kilobytes that inflates to far past sixteen times the limit.
    const bomb = onePagePdf({ blankBytes: 40 * LIMIT });
    expect(bomb.length).toBeLessThan(LIMIT);

    // Act
    const reading = normalizeDocument({ bytes: bomb, fileName: "bomb.pdf", maxBytes: LIMIT });

    // Assess
    await expect(reading).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(reading).rejects.toThrow(/bomb\.pdf.*unpacks to more than 1048576 bytes/);
  });

  it("should not count an image stream, which reading the text never inflates", async () => {
    // Prepare
    const pdf = onePagePdf({ image: true }, { imageSide: 7 * Math.ceil(Math.sqrt(LIMIT)) });

    // Act
    const article = await normalizeDocument({ bytes: pdf, fileName: "photo.pdf", maxBytes: LIMIT });

    // Assess
    expect(article.text).toBe(SENTENCE);
  });

  it("should count every text stream, up to the budget and no further", () => {
    // Prepare: two deflated streams of 600 and 400 bytes, and one image stream.
    const pdf = streams(["", 600], ["/Subtype /Image", 5000], ["", 400]);

    // Act & Assess
    expect(() => checkPdfStreams(pdf, 1000, "page.pdf")).not.toThrow();
    expect(() => checkPdfStreams(pdf, 999, "page.pdf")).toThrow(InputTooLargeError);
  });

  it("should not count data that does not inflate, as an encrypted PDF's streams", () => {
    // Prepare: bytes between stream and endstream that are no zlib data.
    const pdf = Buffer.concat([
      Buffer.from("1 0 obj\n<< /Length 8 /Filter /FlateDecode >>\nstream\n"),
      Buffer.from([0x8f, 1, 2, 3, 4, 5, 6, 7]),
      Buffer.from("\nendstream\nendobj\n"),
    ]);

    // Act & Assess
    expect(() => checkPdfStreams(pdf, 1, "sealed.pdf")).not.toThrow();
  });
});
