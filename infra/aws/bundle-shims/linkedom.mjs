/**
 * Stands in for `linkedom` in the Lambda bundles: the same parseHTML, with linkedom (and htmlparser2 under it)
 * evaluated on the first .html article instead of at every normalize cold start. The `require` of a file path
 * is resolved by esbuild into a lazily initialized module of the same bundle.
 */
let linkedom;

export function parseHTML(...args) {
  linkedom ??= require("../../../node_modules/linkedom/esm/index.js");
  return linkedom.parseHTML(...args);
}
