/**
 * Stands in for eld's extra-small database (node_modules/eld/src/ngrams/extrasmall.js) in the Lambda bundles,
 * wherever it is imported (shared/normalize/language-eld.mjs, eld-extrasmall.mjs). As eld ships it, the
 * database is an object literal of 49,553 objects parsed at every cold start (its cost: docs/BUNDLE.md); here
 * it is a sorted table (infra/aws/bundling.ts) read on the first detection, in which a detection looks up its
 * few hundred n-grams by binary search.
 */
import { brotliDecompressSync } from "node:zlib";
import { ELD_META_FILE, ELD_NGRAMS_FILE, readLazyFile } from "./lazy-files.mjs";

/** The value of `key` in sorted `key\tvalue` lines, by binary search (each probe snaps to its line's start). */
export function lookupLine(table, key) {
  let low = 0;
  let high = table.length;
  while (low < high) {
    const start = table.lastIndexOf("\n", ((low + high) >>> 1) - 1) + 1;
    const tab = table.indexOf("\t", start);
    const newline = table.indexOf("\n", tab);
    const end = newline < 0 ? table.length : newline;
    const candidate = table.slice(start, tab);
    if (candidate === key) return table.slice(tab + 1, end);
    if (candidate < key) low = end + 1;
    else high = start;
  }
  return undefined;
}

/** `11:176,12:40` → { 11: 176, 12: 40 }: eld's shape of one n-gram's scores. */
function decodeScores(value) {
  const scores = {};
  for (const pair of value.split(",")) {
    const colon = pair.indexOf(":");
    scores[pair.slice(0, colon)] = Number(pair.slice(colon + 1));
  }
  return scores;
}

/**
 * What eld reads as `ngrams[key]`, from the table read on the first lookup. Found n-grams are remembered (at
 * most the table's 49,553); misses are not, or any text could grow the cache forever.
 */
export function lazyNgrams() {
  let table;
  const found = new Map();
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== "string") return undefined;
        let scores = found.get(key);
        if (scores === undefined) {
          // latin1: eld's n-gram keys are strings of byte values (one character per byte, 32-255).
          table ??= brotliDecompressSync(readLazyFile(ELD_NGRAMS_FILE)).toString("latin1");
          const value = lookupLine(table, key);
          if (value === undefined) return undefined;
          scores = decodeScores(value);
          found.set(key, scores);
        }
        return scores;
      },
    },
  );
}

let meta;
const readMeta = () => {
  meta ??= JSON.parse(readLazyFile(ELD_META_FILE, "utf8"));
  return meta;
};

/** eld's `ngramsData`: its header read on first use, its n-grams looked up in the table. */
export const ngramsData = {
  get type() {
    return readMeta().type;
  },
  get languages() {
    return readMeta().languages;
  },
  ngrams: lazyNgrams(),
};
