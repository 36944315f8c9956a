/**
 * The one door from a Lambda bundle to its lazy/ folder, written beside index.mjs by infra/aws/bundling.ts.
 * Once bundled, `import.meta.url` is index.mjs's URL, so the paths hold on Lambda and in every local copy.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** eld's database as eld-ngrams.mjs reads it and infra/aws/bundling.ts writes it. */
export const ELD_META_FILE = "eld/meta.json";
export const ELD_NGRAMS_FILE = "eld/ngrams.txt.br";

const LAZY_URL = new URL("./lazy/", import.meta.url);
// A require of our own, not the bundle's: esbuild leaves calls to it alone rather than resolve them at build.
const requireLazy = createRequire(LAZY_URL);

export function readLazyFile(file, encoding) {
  return readFileSync(new URL(file, LAZY_URL), encoding);
}

/** Stands for export `name` of lazy/`file` (CommonJS), which Node loads on the first call or `new`. */
export function lazyExport(file, name) {
  return function lazy(...args) {
    const real = requireLazy(`./${file}`)[name];
    return new.target ? Reflect.construct(real, args) : real.apply(this, args);
  };
}

/** A function giving the parsed JSON file lazy/`file`, read on its first call. */
export function lazyJson(file) {
  let value;
  return () => {
    value ??= JSON.parse(readLazyFile(file, "utf8"));
    return value;
  };
}
