/**
 * Stands in for `eld/extrasmall` in the Lambda bundles: the same detector (eld's own createEld) over the same
 * database, read from the package's lazy/ files on the first detection. As eld ships it, the database is an
 * object literal of 49,553 small objects, parsed at every cold start (its cost: docs/BUNDLE.md). Here it is
 * one sorted table (written by infra/aws/bundling.ts) that is read, not parsed: a detection looks up its few
 * hundred n-grams by binary search.
 */

import { gunzipSync } from "node:zlib";
import { createEld } from "../../../node_modules/eld/src/languageDetector.js";
import { readLazyFile } from "./lazy-files.mjs";

/** The files of lazy/ this shim reads, named once for infra/aws/bundling.ts, which writes them. */
export const ELD_META_FILE = "eld/meta.json";
export const ELD_NGRAMS_FILE = "eld/ngrams.txt.gz";

/**
 * The line of `key` in a table of sorted `key\tvalue` lines, by binary search over character positions
 * (each probe snaps back to the start of its line); the value, or undefined.
 */
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
 * What eld reads as `ngrams[key]`, answered from the table. Found n-grams are remembered, across articles of
 * a warm container (at most the table's 49,553); misses are not, or any text could grow the cache forever.
 */
function ngramsOf(table) {
  const found = new Map();
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== "string") return undefined;
        let scores = found.get(key);
        if (scores === undefined) {
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

function build() {
  const { instance, loadData } = createEld();
  // latin1: eld's n-gram keys are strings of byte values (one character per byte, 32-255).
  const ngrams = ngramsOf(gunzipSync(readLazyFile(ELD_NGRAMS_FILE)).toString("latin1"));
  loadData({ ...JSON.parse(readLazyFile(ELD_META_FILE, "utf8")), ngrams });
  instance.newInstance = build;
  return instance;
}

let instance;
const loaded = () => {
  instance ??= build();
  return instance;
};

/** eld's instance methods are closures, so forwarding each property read to the real instance is enough. */
export const eld = new Proxy(
  {},
  {
    get: (_target, key) => Reflect.get(loaded(), key),
    has: (_target, key) => Reflect.has(loaded(), key),
    ownKeys: () => Reflect.ownKeys(loaded()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(loaded(), key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  },
);
export default eld;
