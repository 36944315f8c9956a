/**
 * The one door from a bundle to its lazy/ folder, written beside it: the Lambda bundles' index.mjs
 * (infra/aws/bundling.ts) and the CLIs' (scripts/build-cli.mjs, whose eld table scripts/eld-table.mjs writes
 * to the file named here). Once bundled, `import.meta.url` is the bundle's URL, so the paths hold on Lambda
 * and in every local copy.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** The folder beside the bundle. */
export const LAZY_FOLDER = "lazy";
/** eld's database as eld-table.mjs reads it and scripts/eld-table.mjs writes it. */
export const ELD_TABLE_FILE = "eld/ngrams.bin";

const LAZY_URL = new URL(`./${LAZY_FOLDER}/`, import.meta.url);
// A require of our own, not the bundle's: esbuild leaves calls to it alone rather than resolve them at build.
const requireLazy = createRequire(LAZY_URL);

export function readLazyFile(file, encoding) {
  return readFileSync(new URL(file, LAZY_URL), encoding);
}

/** The path of lazy/`file`, for messages. */
export function lazyFilePath(file) {
  return fileURLToPath(new URL(file, LAZY_URL));
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
