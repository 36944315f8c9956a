/**
 * Stands in for `eld/extrasmall` in the Lambda bundles: the same detector (eld's own createEld) and the same
 * database, read from lazy/eld-extrasmall.json on the first detection. As a JS object literal in the bundle,
 * the 1.1 MB of n-grams cost ~100 ms of parsing at every cold start; as JSON, a file read and one JSON.parse
 * on the first article that needs a language detected (npm run bench:bundle measures it).
 */
import { createEld } from "../../../node_modules/eld/src/languageDetector.js";
import { readLazyJson } from "./lazy-files.mjs";

export const ELD_DATA_FILE = "eld-extrasmall.json";

function build() {
  const { instance, loadData } = createEld();
  loadData(readLazyJson(ELD_DATA_FILE));
  instance.newInstance = build;
  return instance;
}

let instance;
const loaded = () => {
  instance ??= build();
  return instance;
};

/** eld's instance methods are closures, so forwarding each property read to the real instance is enough. */
export const eld = new Proxy(
  {},
  {
    get: (_target, key) => Reflect.get(loaded(), key),
    has: (_target, key) => Reflect.has(loaded(), key),
    ownKeys: () => Reflect.ownKeys(loaded()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(loaded(), key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  },
);
export default eld;
