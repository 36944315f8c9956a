/**
 * The lazy files of each Lambda: parts of its deployment package kept out of the bundle that Node parses at
 * every cold start (index.mjs), because only some articles need them or because they are data, not code.
 * They sit in `lazy/` next to index.mjs; the bundle reaches them only through the shims of bundle-shims/
 * (lazy-files.mjs). The stack writes them after esbuild (a NodejsFunction afterBundling hook running
 * infra/aws/cli/build-lazy-modules.ts); the bundle benchmark and tests call buildLambdaAsset directly.
 *
 * Nothing here changes what a function computes: tests/infra/bundle-equivalence.test.ts runs the built
 * assets against the source on the same articles.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BuildOptions, build, type Metafile } from "esbuild";
import type { StageName } from "../../shared/pipeline/routing";
import { STOPWORD_SEPARATOR, STOPWORDS_JOINED } from "../../shared/summarize/stopwords.generated";
import { BUNDLE_CHARSET, BUNDLE_KEEP_NAMES, BUNDLE_TARGET, lambdaBuildOptions } from "./bundling";

export type LazyModuleName =
  | "html-stack"
  | "language-detector"
  | "stemmers"
  | "stopwords"
  | "summarizer-weights";

/** What each stage's bundle reaches through its shims (its aliases in bundling.ts). */
export const LAZY_MODULES_BY_STAGE: Readonly<Record<StageName, readonly LazyModuleName[]>> = {
  normalize: ["html-stack", "language-detector"],
  summarize: ["stemmers", "stopwords", "summarizer-weights"],
  translate: [],
};

export const LAZY_FOLDER = "lazy";

type Writer = (lazyDir: string, projectRoot: string) => Promise<void>;

const WRITERS: Readonly<Record<LazyModuleName, Writer>> = {
  "html-stack": writeHtmlStack,
  "language-detector": writeLanguageDetectorData,
  stemmers: writeStemmers,
  stopwords: writeStopwords,
  "summarizer-weights": writeSummarizerWeights,
};

/** Writes `<outDir>/lazy/` for a stage, replacing any earlier one. */
export async function buildLazyModules(
  stage: StageName,
  outDir: string,
  projectRoot: string,
): Promise<void> {
  const lazyDir = join(outDir, LAZY_FOLDER);
  rmSync(lazyDir, { recursive: true, force: true });
  const modules = LAZY_MODULES_BY_STAGE[stage];
  if (modules.length === 0) return;
  mkdirSync(lazyDir, { recursive: true });
  for (const name of modules) await WRITERS[name](lazyDir, projectRoot);
}

/**
 * A whole Lambda asset as the stack builds it: `entry` bundled into `<outDir>/index.mjs` with the stack's
 * options, plus the stage's lazy files. For the benchmark and the tests.
 */
export async function buildLambdaAsset(options: {
  stage: StageName;
  entry: string;
  outDir: string;
  projectRoot: string;
  overrides?: Partial<BuildOptions>;
}): Promise<{ bundleFile: string; metafile: Metafile }> {
  const { stage, entry, outDir, projectRoot, overrides = {} } = options;
  const base = lambdaBuildOptions(projectRoot);
  const bundleFile = join(outDir, "index.mjs");
  const result = await build({
    ...base,
    ...overrides,
    alias: { ...base.alias, ...overrides.alias },
    metafile: true,
    entryPoints: [entry],
    outfile: bundleFile,
  });
  await buildLazyModules(stage, outDir, projectRoot);
  if (!result.metafile) throw new Error("esbuild returned no metafile");
  return { bundleFile, metafile: result.metafile };
}

/** Lazy code modules: CommonJS, so that the bundle can load them synchronously (lazy-files.mjs). */
function lazyCodeOptions(projectRoot: string): BuildOptions {
  return {
    bundle: true,
    platform: "node",
    format: "cjs",
    target: BUNDLE_TARGET,
    minify: true,
    charset: BUNDLE_CHARSET,
    keepNames: BUNDLE_KEEP_NAMES,
    absWorkingDir: projectRoot,
    logLevel: "error",
  };
}

async function writeHtmlStack(lazyDir: string, projectRoot: string): Promise<void> {
  const base = lambdaBuildOptions(projectRoot);
  await build({
    ...lazyCodeOptions(projectRoot),
    entryPoints: [join(projectRoot, "infra/aws/lazy/html-stack.ts")],
    outfile: join(lazyDir, "html-stack.cjs"),
    // The stack itself, not its lazy stand-ins; still without the CSS parser nothing calls.
    alias: { "cssomnom/parse": base.alias?.["cssomnom/parse"] as string },
  });
}

/**
 * eld's extra-small database (60 languages) as bundle-shims/eld-extrasmall.mjs reads it: the header as JSON,
 * the n-grams as lines `key\tlanguage:score,…` sorted by key (JavaScript string order, which the shim's
 * binary search uses), in latin1 since every key character is one byte value.
 */
async function writeLanguageDetectorData(lazyDir: string, projectRoot: string): Promise<void> {
  const source = join(projectRoot, "node_modules/eld/src/ngrams/extrasmall.js");
  const { ngramsData } = (await import(pathToFileURL(source).href)) as {
    ngramsData: { ngrams: Record<string, Record<string, number>> };
  };
  const { ngrams, ...meta } = ngramsData;
  const keys = Object.keys(ngrams).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = keys.map((key) => {
    if (/[\t\n]|[^\x20-\xff]/.test(key))
      throw new Error(`eld n-gram ${JSON.stringify(key)}: not a byte string`);
    const scores = Object.entries(ngrams[key] ?? {}).map(
      ([language, score]) => `${language}:${score}`,
    );
    return `${key}\t${scores.join(",")}`;
  });
  const dir = join(lazyDir, "eld");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "meta.json"), JSON.stringify(meta));
  writeFileSync(join(dir, "ngrams.txt"), Buffer.from(lines.join("\n"), "latin1"));
}

/** One file per Snowball algorithm: the package's base classes plus that one stemmer. */
async function writeStemmers(lazyDir: string, projectRoot: string): Promise<void> {
  const require = createRequire(join(projectRoot, "package.json"));
  const file = require.resolve("snowball-stemmers");
  const source = readFileSync(file, "utf8");
  const { algorithms } = require("snowball-stemmers") as { algorithms: () => string[] };
  for (const algorithm of algorithms()) {
    await build({
      ...lazyCodeOptions(projectRoot),
      stdin: {
        contents: singleStemmerSource(source, algorithm),
        loader: "js",
        resolveDir: dirname(file),
      },
      outfile: join(lazyDir, "stemmers", `${algorithm}.cjs`),
    });
  }
}

const STEMMER_CLASS = /^ {4}var (\w+)Stemmer = function \(_SnowballStemmer\d*\) \{$/;
const STEMMER_CLASS_END = /^ {4}\}\(SnowballStemmer\);$/;
const STEM_MAP_ENTRY = /^ {12}(\w+): (\w+)Stemmer,?$/;

/**
 * snowball-stemmers.js with every stemmer class but one removed (and from newStemmer's map): the package is
 * one Babel-compiled file whose 24 classes each span `var <name>Stemmer = function (_SnowballStemmerN) {`
 * to `}(SnowballStemmer);`. Throws if the layout is not that one (a package update must be looked at).
 */
export function singleStemmerSource(source: string, algorithm: string): string {
  const kept: string[] = [];
  let skipping = false;
  let found = false;
  for (const line of source.split("\n")) {
    const start = STEMMER_CLASS.exec(line);
    if (start) {
      skipping = start[1] !== algorithm;
      found ||= !skipping;
    }
    const entry = STEM_MAP_ENTRY.exec(line);
    if (!skipping && !(entry && entry[2] !== algorithm)) kept.push(line);
    if (STEMMER_CLASS_END.test(line)) skipping = false;
  }
  if (!found)
    throw new Error(`snowball-stemmers: no class for "${algorithm}" in the expected layout`);
  // The map's last kept entry may now end with a comma, which ES5 object literals allow.
  return kept.join("\n");
}

async function writeStopwords(lazyDir: string): Promise<void> {
  const dir = join(lazyDir, "stopwords");
  mkdirSync(dir, { recursive: true });
  const languages = Object.keys(STOPWORDS_JOINED).sort();
  for (const code of languages) {
    const words = (STOPWORDS_JOINED[code] ?? "").split(STOPWORD_SEPARATOR);
    // The shim splits on "\n": the generated module's separator must be that.
    writeFileSync(join(dir, `${code}.txt`), words.join("\n"));
  }
  writeFileSync(join(dir, "languages.json"), JSON.stringify(languages));
}

async function writeSummarizerWeights(lazyDir: string, projectRoot: string): Promise<void> {
  const weights = readFileSync(join(projectRoot, "shared/summarize/weights.json"), "utf8");
  writeFileSync(join(lazyDir, "summarizer-weights.json"), JSON.stringify(JSON.parse(weights)));
}
