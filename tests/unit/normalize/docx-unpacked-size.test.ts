/**
 * A .docx is a zip: its bytes do not bound what it unpacks to. A zip bomb must be refused while it is being
 * counted, with a typed error naming the file, not inflated into the XML parser's memory.
 */
import { Packer } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../../shared/normalize";
import { InputTooLargeError } from "../../../shared/normalize/errors";
import { articleDocx } from "../../fixtures/documents/docx-writer";

const LIMIT = 64 * 1024;

async function docxWithBody(paragraph: string): Promise<Uint8Array> {
  const document = articleDocx({
    creator: "tests/unit/normalize/docx-unpacked-size.test.ts",
    title: "Harbour strike",
    header: "Evening Post",
    blocks: [paragraph],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe("a .docx's unpacked size", () => {
  it("should refuse a zip bomb with InputTooLargeError naming the file", async () => {
    // Prepare: a few kilobytes that inflate to far past sixteen times the limit.
    const bomb = await docxWithBody(`The strike went on.${" ".repeat(40 * LIMIT)}`);
    expect(bomb.length).toBeLessThan(LIMIT);

    // Act
    const reading = normalizeDocument({ bytes: bomb, fileName: "bomb.docx", maxBytes: LIMIT });

    // Assess
    await expect(reading).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(reading).rejects.toThrow(/bomb\.docx.*unpacks to more than 1048576 bytes/);
  });

  it("should read a document whose parts unpack within the budget", async () => {
    // Prepare
    const docx = await docxWithBody(
      "The harbour strike went on for a third day. Talks resume on Monday.",
    );

    // Act
    const article = await normalizeDocument({
      bytes: docx,
      fileName: "strike.docx",
      maxBytes: LIMIT,
    });

    // Assess
    expect(article.text).toContain(
      "The harbour strike went on for a third day. Talks resume on Monday.",
    );
  });

  it("should leave a damaged part the document does not need to mammoth, which reads the rest", async () => {
    // Prepare: a part outside the body whose deflated data is broken.
    const zip = await JSZip.loadAsync(await docxWithBody("Talks resume on Monday."));
    zip.file("customXml/notes.xml", "notes ".repeat(2000), { compression: "DEFLATE" });
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const name = Buffer.from(bytes).indexOf("customXml/notes.xml");
    for (let i = name + 40; i < name + 60; i++) bytes[i] = 0xff;

    // Act
    const article = await normalizeDocument({ bytes, fileName: "notes.docx", maxBytes: LIMIT });

    // Assess
    expect(article.text).toContain("Talks resume on Monday.");
  });
});
