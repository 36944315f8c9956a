/**
 * Stands in for `@mozilla/readability` in the Lambda bundles: the same Readability class, evaluated on the
 * first .html article instead of at every normalize cold start (see linkedom.mjs).
 */
let readability;

const load = () => {
  readability ??= require("../../../node_modules/@mozilla/readability/index.js");
  return readability;
};

/** `new Readability(doc, options)` gives the real Readability object: a constructor may return one. */
export function Readability(...args) {
  const Real = load().Readability;
  return new Real(...args);
}

export function isProbablyReaderable(...args) {
  return load().isProbablyReaderable(...args);
}
