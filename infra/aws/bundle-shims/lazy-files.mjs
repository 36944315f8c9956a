/**
 * The one door from a Lambda bundle to its lazy/ folder, which infra/aws/bundling.ts writes beside index.mjs.
 * Once bundled, `import.meta.url` is the bundle's own URL, so the paths hold on Lambda (/var/task/lazy/…) and
 * in every local copy of a package alike.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const LAZY_URL = new URL("./lazy/", import.meta.url);
// A require of our own, not the bundle's: esbuild leaves calls to it alone instead of resolving them at build.
const requireLazy = createRequire(LAZY_URL);

export function readLazyFile(file, encoding) {
  return readFileSync(new URL(file, LAZY_URL), encoding);
}

/**
 * Stands for export `name` of the CommonJS file lazy/`file`, which Node loads on the first call (or `new`) and
 * caches. `new` gives the real class's object: a constructor may return one.
 */
export function lazyExport(file, name) {
  return function lazy(...args) {
    const real = requireLazy(`./${file}`)[name];
    return new.target ? Reflect.construct(real, args) : real.apply(this, args);
  };
}
