/**
 * A .docx is a zip: its bytes do not bound what it unpacks to. A zip bomb must be refused while it is being
 * counted, with a typed error naming the file, not inflated into the XML parser's memory.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../../shared/normalize";
import { InputTooLargeError } from "../../../shared/normalize/errors";

const LIMIT = 64 * 1024;

async function docxWithBody(paragraph: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
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
    expect(article.sentences.map((s) => article.text.slice(s.start, s.end))).toEqual([
      "The harbour strike went on for a third day.",
      "Talks resume on Monday.",
    ]);
  });
});
