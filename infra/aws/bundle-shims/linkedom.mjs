/**
 * Stands in for `linkedom` in the Lambda bundles: the same parseHTML, loaded from lazy/html-stack.cjs on the
 * first .html article instead of being part of every normalize cold start.
 */
import { HTML_STACK_FILE } from "./lazy-file-names.mjs";
import { requireLazyModule } from "./lazy-files.mjs";

export function parseHTML(...args) {
  return requireLazyModule(HTML_STACK_FILE).parseHTML(...args);
}
