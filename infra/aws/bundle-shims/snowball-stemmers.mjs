/**
 * Stands in for `snowball-stemmers` in the Lambda bundles. The package is one 329 KiB file of 24 stemmers; an
 * article needs one. lazy/stemmers/<algorithm>.cjs holds that one stemmer (cut out of the same file by
 * infra/aws/lazy-modules.ts), loaded when an article in its language is first summarized.
 */
import { stemmerFile } from "./lazy-file-names.mjs";
import { requireLazyModule } from "./lazy-files.mjs";

export function newStemmer(algorithm) {
  return requireLazyModule(stemmerFile(algorithm)).newStemmer(algorithm);
}

export default { newStemmer };
