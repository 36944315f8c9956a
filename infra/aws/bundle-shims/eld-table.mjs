/**
 * Stands in for shared/normalize/language-eld-data.mjs in the CLI and Lambda bundles (scripts/eld-table.mjs):
 * the table of eld's n-gram database that the build wrote into lazy/, read on the first detection instead of
 * eld's object literal parsed at start. Brotli-compressed in the Lambda packages, whose size has a target
 * (docs/BUNDLE.md); as is beside the CLIs, whose start-up it is. Gives only what the bundled code imports
 * (eldTable): the table's bytes are the builds' business.
 */
import { brotliDecompressSync } from "node:zlib";
import { isEldTable, unpackEldTable } from "../../../shared/normalize/language-eld-table.mjs";
import { ELD_TABLE_FILE, lazyFilePath, readLazyFile } from "./lazy-files.mjs";

export function eldTable() {
  try {
    const bytes = readLazyFile(ELD_TABLE_FILE);
    return unpackEldTable(isEldTable(bytes) ? bytes : brotliDecompressSync(bytes));
  } catch (error) {
    throw new Error(
      `${lazyFilePath(ELD_TABLE_FILE)}: eld's n-gram table is missing or damaged; the build writes it ` +
        `(npm run build:cli, or redeploy): ${error.message}`,
      { cause: error },
    );
  }
}
