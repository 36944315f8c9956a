/**
 * eld's n-gram database as language-ngram-memo.ts reads it: the byte table of language-eld-table.mjs. From the
 * sources (tsx, vitest) it is packed from eld's own database on the first detection; the CLI and Lambda builds
 * replace this module by infra/aws/bundle-shims/eld-table.mjs, which reads the table the build wrote, with the
 * bytes of eldTableBytes (scripts/eld-table.mjs), so that no bundle parses eld's database.
 */
import { ngramsData } from "../../node_modules/eld/src/ngrams/extrasmall.js";
import { packEldTable, unpackEldTable } from "./language-eld-table.mjs";

/** The table's bytes, as the builds write them. */
export function eldTableBytes() {
  return packEldTable(ngramsData);
}

/** The table's parts. */
export function eldTable() {
  return unpackEldTable(eldTableBytes());
}
