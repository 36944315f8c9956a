/**
 * Stands in for `linkedom` in the Lambda bundles: the same parseHTML, loaded from lazy/html-stack.cjs on the
 * first .html article instead of being part of every normalize cold start.
 */
import { requireLazyModule } from "./lazy-files.mjs";

export function parseHTML(...args) {
  return requireLazyModule("html-stack.cjs").parseHTML(...args);
}
