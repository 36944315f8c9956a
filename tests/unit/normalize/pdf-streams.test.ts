/**
 * A PDF deflates its streams: its bytes do not bound what pdf.js inflates. A PDF bomb is refused from the
 * count of its streams before pdf.js opens it, whatever its dictionaries say.
 */
import { deflateRawSync, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../../shared/normalize";
import { InputTooLargeError } from "../../../shared/normalize/errors";
import { checkPdfStreams, STREAM_COST } from "../../../shared/normalize/formats/pdf-streams";
import { type PdfPageSpec, type PdfSpec, writePdf } from "../../fixtures/documents/pdf-writer";

const LIMIT = 64 * 1024;
const SENTENCE = "The harbour strike went on for a third day.";

function onePagePdf(page: Partial<PdfPageSpec>, spec: Partial<PdfSpec> = {}): Uint8Array {
  const lines = [{ text: SENTENCE, x: 72, y: 712, size: 12 }];
  return writePdf({ pages: [{ lines, ...page }], compress: true, ...spec });
}

/** One stream object: `entries` in its dictionary, `data` after `stream` and `afterKeyword`. */
function streamObject(entries: string, data: Buffer, afterKeyword = "\r\n"): Buffer {
  return Buffer.concat([
    Buffer.from(`1 0 obj\n<< ${entries} /Length ${data.length} >>\nstream${afterKeyword}`),
    data,
    Buffer.from("\nendstream\nendobj\n"),
  ]);
}

const spaces = (bytes: number) => Buffer.alloc(bytes, 0x20);

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

  it("should count every stream's data and a set-up cost each, up to the budget and no further", () => {
    // Prepare: 600 and 400 bytes once inflated.
    const pdf = Buffer.concat([
      streamObject("/Filter /FlateDecode", deflateSync(spaces(600))),
      streamObject("/Filter /FlateDecode", deflateSync(spaces(400))),
    ]);
    const exact = 1000 + 2 * STREAM_COST;

    // Act & Assess
    expect(() => checkPdfStreams(pdf, exact, "page.pdf")).not.toThrow();
    expect(() => checkPdfStreams(pdf, exact - 1, "page.pdf")).toThrow(InputTooLargeError);
  });

  /** zlib data as pdf.js reads it and node's inflate would not: `header` before raw deflate data, no checksum. */
  const zlibAs = (header: number[], raw: Buffer) => Buffer.concat([Buffer.from(header), raw]);
  const withBadChecksum = (data: Buffer) =>
    Buffer.concat([data.subarray(0, -4), Buffer.from([0, 0, 0, 0])]);

  it.each([
    [
      "whose filter is named another way",
      streamObject("/Filter /Fl#61teDecode", deflateSync(spaces(5000))),
    ],
    ["whose filter is in another object", streamObject("/Filter 7 0 R", deflateSync(spaces(5000)))],
    [
      "deflated twice",
      streamObject("/Filter [/FlateDecode /FlateDecode]", deflateSync(deflateSync(spaces(5000)))),
    ],
    [
      "with a blank before its end of line",
      streamObject("/Filter /FlateDecode", deflateSync(spaces(5000)), " \n"),
    ],
    [
      "with a comment before its end of line",
      streamObject("/Filter /FlateDecode", deflateSync(spaces(5000)), "%x\r\n"),
    ],
    [
      "holding the bytes endstream",
      streamObject(
        "/Filter /FlateDecode",
        deflateSync(Buffer.concat([Buffer.from("endstream"), spaces(5000)]), { level: 0 }),
      ),
    ],
    [
      "after a comment that says stream",
      Buffer.concat([
        Buffer.from("% stream\n"),
        streamObject("/Filter /FlateDecode", deflateSync(spaces(5000))),
      ]),
    ],
    [
      "with a wrong checksum",
      streamObject("/Filter /FlateDecode", withBadChecksum(deflateSync(spaces(5000)))),
    ],
    [
      "whose header states a window over 32 KiB",
      streamObject("/Filter /FlateDecode", zlibAs([0x88, 0x1c], deflateRawSync(spaces(5000)))),
    ],
    [
      "that refers back before its start",
      streamObject(
        "/Filter /FlateDecode",
        zlibAs(
          [0x78, 0x9c],
          deflateRawSync(Buffer.alloc(5000), { dictionary: Buffer.alloc(32768) }),
        ),
      ),
    ],
  ])("should count a stream %s", (_case, pdf) => {
    // Act & Assess
    expect(() => checkPdfStreams(pdf, STREAM_COST + 4000, "disguised.pdf")).toThrow(
      InputTooLargeError,
    );
  });

  it("should count an image apart, against four times the budget, since reading text never inflates it", () => {
    // Prepare
    const screenshot = streamObject(
      "/Subtype /Image /Filter /FlateDecode",
      deflateSync(spaces(5000)),
    );
    const labelledBomb = streamObject(
      "/Subtype /Image /Filter /FlateDecode",
      deflateSync(spaces(40000)),
    );
    const budget = STREAM_COST + 4000;

    // Act & Assess
    expect(() => checkPdfStreams(screenshot, budget, "photo.pdf")).not.toThrow();
    expect(() => checkPdfStreams(labelledBomb, budget, "labelled.pdf")).toThrow(
      /labelled\.pdf: its images unpack to more than 32384 bytes \(a \.pdf may unpack to at most 64 times the input limit in images\)/,
    );
  });

  it("should refuse a file of stream headers on their set-up cost", () => {
    // Prepare: a zlib header after every keyword, and nothing that inflates.
    const pdf = Buffer.from("stream\n\x78\x9c ".repeat(100_000), "latin1");

    // Act & Assess
    expect(() => checkPdfStreams(pdf, 32 * 1024 * 1024, "headers.pdf")).toThrow(InputTooLargeError);
  });

  it("should not count data that does not inflate, as an encrypted PDF's streams", () => {
    // Prepare: bytes between stream and endstream that are no zlib data.
    const pdf = streamObject("/Filter /FlateDecode", Buffer.from([0x8f, 1, 2, 3, 4, 5, 6, 7]));

    // Act & Assess
    expect(() => checkPdfStreams(pdf, 1, "sealed.pdf")).not.toThrow();
  });
});
