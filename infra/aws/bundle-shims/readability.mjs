/**
 * Stands in for `@mozilla/readability` in the Lambda bundles: the same Readability class, loaded from
 * lazy/html-stack.cjs on the first .html article (see linkedom.mjs).
 */
import { HTML_STACK_FILE } from "./lazy-file-names.mjs";
import { requireLazyModule } from "./lazy-files.mjs";

const load = () => requireLazyModule(HTML_STACK_FILE);

/** `new Readability(doc, options)` gives the real Readability object: a constructor may return one. */
export function Readability(...args) {
  const Real = load().Readability;
  return new Real(...args);
}

export function isProbablyReaderable(...args) {
  return load().isProbablyReaderable(...args);
}
