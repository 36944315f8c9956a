/**
 * Stands in for shared/normalize/language-eld-data.mjs in the CLI and Lambda bundles (scripts/eld-table.mjs):
 * the table of eld's n-gram database that the build wrote into lazy/, read on the first detection instead of
 * eld's object literal parsed at start. Brotli-compressed in the Lambda packages, whose size has a target
 * (docs/BUNDLE.md); as is beside the CLIs, whose start-up it is.
 */
import { brotliDecompressSync } from "node:zlib";
import { isEldTable } from "../../../shared/normalize/language-eld-table.mjs";
import { ELD_TABLE_FILE, readLazyFile } from "./lazy-files.mjs";

export function eldTableBytes() {
  const bytes = readLazyFile(ELD_TABLE_FILE);
  return isEldTable(bytes) ? bytes : brotliDecompressSync(bytes);
}
