/**
 * The one door from a Lambda bundle to its lazy files: parts of the deployment package that only some
 * articles need (the HTML stack, one language's stemmer and stopwords) or that are data rather than code (the
 * language detector's n-grams, the summarizer's trees). infra/aws/lazy-modules.ts writes them into `lazy/`
 * next to the bundle; once bundled, `import.meta.url` is the bundle's own URL, so the paths hold on Lambda
 * (/var/task/lazy/…) and in every local copy of a built asset alike.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const LAZY_URL = new URL("./lazy/", import.meta.url);
// A require of our own, not the bundle's: esbuild leaves calls to it alone instead of resolving them at build.
const requireFromAsset = createRequire(LAZY_URL);

/** A CommonJS module of lazy/, evaluated on the first call and cached by Node like any module. */
export function requireLazyModule(file) {
  return requireFromAsset(`./${file}`);
}

export function readLazyText(file, encoding = "utf8") {
  return readFileSync(new URL(file, LAZY_URL), encoding);
}

export function readLazyBytes(file) {
  return readFileSync(new URL(file, LAZY_URL));
}

/** JSON.parse of a data file: V8 reads JSON several times faster than the same data as a JS literal. */
export function readLazyJson(file) {
  return JSON.parse(readLazyText(file));
}
