/**
 * Stands in for `eld/extrasmall` in the Lambda bundles: the same detector (eld's createEld) over the same data,
 * its n-grams read from the sorted table of eld-ngrams.mjs.
 */
import { createEld } from "../../../node_modules/eld/src/languageDetector.js";
import { lazyNgrams, ngramsData } from "./eld-ngrams.mjs";

export { lookupLine } from "./eld-ngrams.mjs";

function build() {
  const { instance, loadData } = createEld();
  loadData({ type: ngramsData.type, languages: ngramsData.languages, ngrams: lazyNgrams() });
  instance.newInstance = build;
  return instance;
}

export const eld = build();
export default eld;
