/**
 * Stands in for `eld/extrasmall` in the Lambda bundles: the same detector (eld's own createEld) and the same
 * database, read with JSON.parse on first use instead of evaluated as a 940 KiB object literal at module load
 * (see infra/build/generate-eld-data.ts for the measurements).
 */
import { createEld } from "../../../node_modules/eld/src/languageDetector.js";
import { ELD_EXTRASMALL_JSON } from "./eld-extrasmall-data.generated.mjs";

function build() {
  const { instance, loadData } = createEld();
  loadData(JSON.parse(ELD_EXTRASMALL_JSON));
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
