/**
 * How the Lambdas are bundled, shared by the stack (NodejsFunction) and the bundle benchmark
 * (tests/bench/bundle.bench.ts), so the benchmark measures exactly what is deployed.
 */
import type { BuildOptions } from "esbuild";

/** Lambda's Node 22 runtime. */
export const BUNDLE_TARGET = "node22";

/**
 * UTF-8 output instead of esbuild's default ASCII, which escapes every non-ASCII character (`é` → `\xE9`,
 * 2 bytes → 4): the language data (eld n-grams, stopwords) is mostly non-ASCII. Lambda's Node reads
 * sources as UTF-8, so the code is the same, only shorter (summarize −108 KiB, normalize −37 KiB).
 */
export const BUNDLE_CHARSET: "utf8" | "ascii" = "utf8";

/**
 * Class and function names kept through minification: errors are named after their class
 * (`this.name = new.target.name` in shared/errors.ts) and error records carry that name as `errorType`
 * ("UnsupportedFormatError"); minified, it read "f2". Costs ~32 KiB and a few ms of init per function.
 */
export const BUNDLE_KEEP_NAMES = true;

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
  // linkedom's CSS parser, reached only through HTMLStyleElement.sheet, which nothing here reads: −195 KiB.
  "cssomnom/parse": "./infra/aws/bundle-shims/cssomnom-parse.ts",
  // Used only by the X-Ray SDK's AWS SDK v2 patcher (a version check), never called here: −29 KiB.
  semver: "./infra/aws/bundle-shims/semver.cjs",
  // The parts kept out of index.mjs and loaded from the asset's lazy/ folder (infra/aws/lazy-modules.ts):
  // eld's n-grams (a 760 KB table) on the first detection; the HTML stack (~270 KiB) on the first .html article;
  // one language's stemmer and stopwords (of 24 and 58) on its first article; the summarizer's trees, binary.
  "eld/extrasmall": "./infra/aws/bundle-shims/eld-extrasmall.mjs",
  linkedom: "./infra/aws/bundle-shims/linkedom.mjs",
  "@mozilla/readability": "./infra/aws/bundle-shims/readability.mjs",
  "snowball-stemmers": "./infra/aws/bundle-shims/snowball-stemmers.mjs",
  "#summarize/stopwords": "./infra/aws/bundle-shims/stopwords.mjs",
  "#summarize/weights": "./infra/aws/bundle-shims/summarizer-weights.mjs",
};

/**
 * The esbuild build options of a Lambda bundle, as NodejsFunction passes them (for the benchmark and the
 * tests that build bundles themselves; paths in `alias` are relative to `absWorkingDir`).
 */
export function lambdaBuildOptions(projectRoot: string): BuildOptions {
  return {
    bundle: true,
    platform: "node",
    format: "esm",
    target: BUNDLE_TARGET,
    minify: true,
    mainFields: ["module", "main"],
    banner: { js: BUNDLE_BANNER },
    charset: BUNDLE_CHARSET,
    keepNames: BUNDLE_KEEP_NAMES,
    external: [...BUNDLE_EXTERNALS],
    alias: { ...BUNDLE_ALIASES },
    absWorkingDir: projectRoot,
    logLevel: "error",
  };
}
