/**
 * Word and PDF articles through the normalizer as its Lambda package is built (infra/aws/bundling.ts): mammoth
 * and pdf.js come from lazy/ files (docx-stack.cjs, pdf-stack.cjs) and must read as they do from source.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildLambdaPackage } from "../../infra/aws/bundling";
import * as source from "../../shared/normalize";

const ROOT = join(import.meta.dirname, "../..");
const DOCUMENTS = join(ROOT, "tests/fixtures/documents");

let bundled: typeof source;

beforeAll(async () => {
  const built = await buildLambdaPackage({
    entry: join(ROOT, "shared/normalize/index.ts"),
    outDir: join(ROOT, "tests/output/bundle-documents"),
  });
  bundled = (await import(pathToFileURL(built.bundleFile).href)) as typeof source;
}, 120_000);

/** The article, or the error's name and message. */
async function outcome(impl: typeof source, fileName: string): Promise<unknown> {
  const bytes = readFileSync(join(DOCUMENTS, fileName));
  try {
    return await impl.normalizeDocument({ bytes, fileName });
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("Word and PDF articles as bundled for Lambda", () => {
  it.each(["story.docx", "story.pdf", "encrypted.pdf", "scanned.pdf"])(
    "should read %s exactly as the source does",
    async (fileName) => {
      // Act
      const [expected, actual] = await Promise.all([
        outcome(source, fileName),
        outcome(bundled, fileName),
      ]);
      // Assess
      expect(actual).toEqual(expected);
    },
  );
});
