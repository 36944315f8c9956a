/**
 * The lazy files of each Lambda: parts of its deployment package kept out of the bundle that Node parses at
 * every cold start (index.mjs), because only some articles need them or because they are data, not code.
 * They sit in `lazy/` next to index.mjs; the bundle reaches them only through the shims of bundle-shims/
 * (lazy-files.mjs). The stack writes them after esbuild (a NodejsFunction afterBundling hook running
 * infra/aws/build-lazy-modules.ts, see lazyModulesCommand); the bundle benchmark and tests call
 * buildLambdaAsset directly.
 *
 * Nothing here changes what a function computes: tests/infra/bundle-equivalence.test.ts runs the built
 * assets against the source on the same articles.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { AssetStaging } from "aws-cdk-lib";
import { type BuildOptions, build, type Metafile } from "esbuild";
import type { StageName } from "../../shared/pipeline/routing";
import { STOPWORD_SEPARATOR, STOPWORDS_JOINED } from "../../shared/summarize/stopwords.generated";
import {
  ELD_META_FILE,
  ELD_NGRAMS_FILE,
  HTML_STACK_FILE,
  STOPWORD_LANGUAGES_FILE,
  SUMMARIZER_HEADER_FILE,
  SUMMARIZER_TREES_FILE,
  stemmerFile,
  stopwordsFile,
} from "./bundle-shims/lazy-file-names.mjs";
import { lambdaBuildOptions } from "./bundling";

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

const PROJECT_ROOT = join(import.meta.dirname, "../..");
const LAZY_MODULES_SCRIPT = join(PROJECT_ROOT, "infra/aws/build-lazy-modules.ts");

/** One shell word: single-quoted, so that no `$`, backtick or space in a path is interpreted. */
function shellWord(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * The commands of a NodejsFunction afterBundling hook that writes the stage's lazy/ beside the index.mjs
 * esbuild has just written. Local bundling only: the script needs this project's node_modules (esbuild, tsx),
 * which a Docker bundling container does not have, so that case stops with a message instead of shipping a
 * function without its lazy files.
 */
export function lazyModulesCommands(stage: StageName, outputDir: string): string[] {
  if (LAZY_MODULES_BY_STAGE[stage].length === 0) return [];
  if (outputDir === AssetStaging.BUNDLING_OUTPUT_DIR) {
    return [
      `echo "${stage}: its lazy/ files are built with the project's dev dependencies; run npm ci and bundle locally" >&2`,
      "exit 1",
    ];
  }
  // tsx resolved here, not by node from the hook's working directory.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const words = [process.execPath, "--import", tsx, LAZY_MODULES_SCRIPT, stage, outputDir];
  return [words.map(shellWord).join(" ")];
}

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

/**
 * Lazy code modules: built like the bundle, but CommonJS (so that it can load them synchronously, see
 * lazy-files.mjs; which also drops the ESM-only banner), and with none of its stand-ins: a lazy module is
 * what they stand in for. `keep` names the replacements still wanted.
 */
function lazyCodeOptions(projectRoot: string, keep: readonly string[] = []): BuildOptions {
  const { banner: _esmOnly, alias = {}, ...bundle } = lambdaBuildOptions(projectRoot);
  return {
    ...bundle,
    format: "cjs",
    alias: Object.fromEntries(Object.entries(alias).filter(([from]) => keep.includes(from))),
  };
}

async function writeHtmlStack(lazyDir: string, projectRoot: string): Promise<void> {
  await build({
    // Still without the CSS parser nothing calls.
    ...lazyCodeOptions(projectRoot, ["cssomnom/parse"]),
    entryPoints: [join(projectRoot, "infra/aws/lazy/html-stack.ts")],
    outfile: join(lazyDir, HTML_STACK_FILE),
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
  mkdirSync(dirname(join(lazyDir, ELD_NGRAMS_FILE)), { recursive: true });
  writeFileSync(join(lazyDir, ELD_META_FILE), JSON.stringify(meta));
  writeFileSync(join(lazyDir, ELD_NGRAMS_FILE), Buffer.from(lines.join("\n"), "latin1"));
}

/** One file per Snowball algorithm: the package's base classes plus that one stemmer. */
async function writeStemmers(lazyDir: string, projectRoot: string): Promise<void> {
  const require = createRequire(join(projectRoot, "package.json"));
  const file = require.resolve("snowball-stemmers");
  const source = readFileSync(file, "utf8");
  const { algorithms } = require("snowball-stemmers") as { algorithms: () => string[] };
  await Promise.all(
    algorithms().map((algorithm) =>
      build({
        ...lazyCodeOptions(projectRoot),
        stdin: {
          contents: singleStemmerSource(source, algorithm),
          loader: "js",
          resolveDir: dirname(file),
        },
        outfile: join(lazyDir, stemmerFile(algorithm)),
      }),
    ),
  );
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
  let classLines = 0;
  let mapEntries = 0;
  for (const line of source.split("\n")) {
    const start = STEMMER_CLASS.exec(line);
    if (start) skipping = start[1] !== algorithm;
    const entry = STEM_MAP_ENTRY.exec(line);
    if (!skipping && !(entry && entry[2] !== algorithm)) {
      kept.push(line);
      if (start || STEMMER_CLASS_END.test(line)) classLines++;
      if (entry) mapEntries++;
    }
    if (STEMMER_CLASS_END.test(line)) skipping = false;
  }
  // The class's first and last lines, and its one entry in newStemmer's map: anything else is a new layout.
  if (classLines !== 2 || mapEntries !== 1) {
    throw new Error(`snowball-stemmers: no class for "${algorithm}" in the expected layout`);
  }
  // The map's kept entry may end with a comma, which ES5 object literals allow.
  return kept.join("\n");
}

async function writeStopwords(lazyDir: string): Promise<void> {
  mkdirSync(dirname(join(lazyDir, STOPWORD_LANGUAGES_FILE)), { recursive: true });
  const languages = Object.keys(STOPWORDS_JOINED).sort();
  for (const code of languages) {
    const words = (STOPWORDS_JOINED[code] ?? "").split(STOPWORD_SEPARATOR);
    // One word per line, as bundle-shims/stopwords.mjs splits them.
    if (words.some((word) => word.includes("\n")))
      throw new Error(`stopwords ${code}: a word holds a newline`);
    writeFileSync(join(lazyDir, stopwordsFile(code)), words.join("\n"));
  }
  writeFileSync(join(lazyDir, STOPWORD_LANGUAGES_FILE), JSON.stringify(languages));
}

/**
 * The summarizer's trees as bundle-shims/summarizer-weights.mjs reads them: every field but the trees as
 * JSON (with each tree's node count), then one binary file of all node values as float64 followed by all
 * feature indexes as int8. Little-endian, as are x86 and Lambda's arm64; the values are the same doubles
 * JSON.parse gives, so the scores are bit-identical (tests/infra/bundle-equivalence.test.ts).
 */
async function writeSummarizerWeights(lazyDir: string, projectRoot: string): Promise<void> {
  const source = readFileSync(join(projectRoot, "shared/summarize/weights.json"), "utf8");
  const { trees, ...header } = JSON.parse(source) as { trees: { f: number[]; v: number[] }[] };
  const treeSizes = trees.map((tree) => tree.f.length);
  const nodes = treeSizes.reduce((sum, size) => sum + size, 0);
  const values = new Float64Array(nodes);
  const features = new Int8Array(nodes);
  let offset = 0;
  for (const tree of trees) {
    const badFeature = tree.f.some((f) => !Number.isInteger(f) || f < -1 || f > 127);
    if (tree.v.length !== tree.f.length || badFeature) {
      throw new Error("shared/summarize/weights.json: a tree that does not fit the binary layout");
    }
    values.set(tree.v, offset);
    features.set(tree.f, offset);
    offset += tree.f.length;
  }
  mkdirSync(dirname(join(lazyDir, SUMMARIZER_TREES_FILE)), { recursive: true });
  writeFileSync(join(lazyDir, SUMMARIZER_HEADER_FILE), JSON.stringify({ ...header, treeSizes }));
  writeFileSync(
    join(lazyDir, SUMMARIZER_TREES_FILE),
    Buffer.concat([Buffer.from(values.buffer), Buffer.from(features.buffer)]),
  );
}
