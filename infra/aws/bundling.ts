/**
 * How the Lambdas are bundled, shared by the stack (NodejsFunction) and the bundle benchmark
 * (tests/bench/bundle.bench.ts), so the benchmark measures exactly what is deployed.
 */

/** Lambda's Node 22 runtime. */
export const BUNDLE_TARGET = "node22";

/**
 * UTF-8 output instead of esbuild's default ASCII, which escapes every non-ASCII character (`é` → `\xE9`,
 * 2 bytes → 4): the language data (eld n-grams, stopwords) is mostly non-ASCII. Lambda's Node reads
 * sources as UTF-8, so the code is the same, only shorter (summarize −108 KiB, normalize −37 KiB).
 */
export const BUNDLE_CHARSET: "utf8" | "ascii" = "utf8";

/**
 * ESM output: a bundled ESM handler initializes faster than CommonJS (measured in issue 5: CJS with the SDK
 * bundled was about twice as slow). Some dependencies still call `require` (Node built-ins), which ESM lacks.
 */
export const BUNDLE_BANNER =
  "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";

/**
 * Nothing is left external: the AWS SDK is bundled (and tree-shaken) rather than loaded from the runtime's
 * copy. Decided by `npm run bench:bundle`: with @aws-sdk/* external the files shrink by ~330 KiB but module
 * init was 1.4–1.9× slower on every function (many small unminified files to resolve and compile instead of
 * one minified file), and init is what every cold start pays.
 */
export const BUNDLE_EXTERNALS: readonly string[] = [];

/**
 * Module replacements (esbuild `alias`), relative to the project root. Lambda bundles take their
 * credentials from the environment only: see functions/common/lambda-credentials.ts. `node:http` is the same
 * module, required the CommonJS way.
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  "@aws-sdk/credential-provider-node": "./functions/common/lambda-credentials.ts",
  // The tracer's `import http from "node:http"` otherwise loads undici and four more built-ins at init
  // (~10 ms of CPU on translate, bench:bundle); see the shim.
  "node:http": "./infra/aws/bundle-shims/node-http.cjs",
};
