/**
 * A PDF deflates its streams: its bytes do not bound what pdf.js inflates. A PDF bomb is refused from the
 * count of its streams before pdf.js opens it; image streams, which reading text never inflates, do not count.
 */
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../../shared/normalize";
import { InputTooLargeError } from "../../../shared/normalize/errors";
import { checkPdfStreams } from "../../../shared/normalize/formats/pdf-streams";

const LIMIT = 64 * 1024;
const TEXT = "BT /F1 12 Tf 72 712 Td (The harbour strike went on for a third day.) Tj ET\n";

/** A one-page PDF whose page draws `content`, with one more object: an image XObject of `image` bytes. */
function onePagePdf(content: string, image = ""): Uint8Array {
  const stream = (dictionary: string, data: string) => {
    const packed = deflateSync(Buffer.from(data, "latin1"));
    return Buffer.concat([
      Buffer.from(`<< ${dictionary} /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`),
      packed,
      Buffer.from("\nendstream"),
    ]);
  };
  const objects = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
    ),
    stream("", content),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    stream(
      "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
      image,
    ),
  ];
  const parts = [Buffer.from("%PDF-1.4\n")];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  for (const [i, object] of objects.entries()) {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      object,
      Buffer.from("\nendobj\n"),
    ]);
    parts.push(part);
    length += part.length;
  }
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`]
    .concat(offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`))
    .join("");
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

describe("a PDF's deflated streams", () => {
  it("should refuse a PDF bomb with InputTooLargeError naming the file, before pdf.js reads it", async () => {
    // Prepare: a page of a few kilobytes that inflates to far past sixteen times the limit.
    const bomb = onePagePdf(TEXT + " ".repeat(40 * LIMIT));
    expect(bomb.length).toBeLessThan(LIMIT);

    // Act
    const reading = normalizeDocument({ bytes: bomb, fileName: "bomb.pdf", maxBytes: LIMIT });

    // Assess
    await expect(reading).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(reading).rejects.toThrow(/bomb\.pdf.*unpacks to more than 1048576 bytes/);
  });

  it("should not count an image stream, which reading the text never inflates", async () => {
    // Prepare
    const pdf = onePagePdf(TEXT, "\0".repeat(40 * LIMIT));

    // Act
    const article = await normalizeDocument({ bytes: pdf, fileName: "photo.pdf", maxBytes: LIMIT });

    // Assess
    expect(article.text).toBe("The harbour strike went on for a third day.");
  });

  it("should count every text stream, up to the budget and no further", () => {
    // Prepare
    const pdf = onePagePdf(TEXT + " ".repeat(1000));

    // Act & Assess
    expect(() => checkPdfStreams(pdf, TEXT.length + 1000, "page.pdf")).not.toThrow();
    expect(() => checkPdfStreams(pdf, TEXT.length + 999, "page.pdf")).toThrow(InputTooLargeError);
  });

  it("should not count data that does not inflate, as an encrypted PDF's streams", () => {
    // Prepare: bytes between stream and endstream that are no zlib data.
    const pdf = new Uint8Array(
      Buffer.from(
        "%PDF-1.4\n1 0 obj\n<< /Length 8 /Filter /FlateDecode >>\nstream\n\x8f\x01\x02\x03\x04\x05\x06\x07\nendstream\nendobj\n",
        "latin1",
      ),
    );

    // Act & Assess
    expect(() => checkPdfStreams(pdf, 1, "sealed.pdf")).not.toThrow();
  });
});
