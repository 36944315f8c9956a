/**
 * How a stage's Lambda package is built: one function, buildLambdaPackage, used by the stack (lambdaCode, at
 * synth), by the tests and by `npm run bench:bundle`, so what is measured and tested is what is deployed.
 *
 * A package is `index.mjs` (esbuild: ESM, minified, AWS SDK bundled; what Node parses at every cold start)
 * with its source map, plus a `lazy/` folder that only some articles need:
 * - packages in LAZY_PACKAGES are built as CommonJS files of lazy/ and stood in for, in index.mjs, by functions
 *   that load the file on their first call (bundle-shims/lazy-files.mjs);
 * - eld's n-gram database is written as a sorted table that bundle-shims/eld-extrasmall.mjs searches instead
 *   of parsing a large object literal.
 * A package holds the lazy files its own bundle reaches (read from esbuild's metafile), and no others.
 * What each choice costs or saves is measured by `npm run bench:bundle` and written to docs/BUNDLE.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { AssetHashType, DockerImage, type ILocalBundling } from "aws-cdk-lib";
import { Code } from "aws-cdk-lib/aws-lambda";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";
import type { StageName } from "../../shared/pipeline/routing";
import { ELD_META_FILE, ELD_NGRAMS_FILE } from "./bundle-shims/eld-extrasmall.mjs";

const PROJECT_ROOT = join(import.meta.dirname, "../..");
const SHIMS = join(PROJECT_ROOT, "infra/aws/bundle-shims");

/** Lambda's Node 22 runtime. */
export const BUNDLE_TARGET = "node22";

/** Stack traces of the minified bundle name source files and lines (set on every function). */
export const LAMBDA_NODE_OPTIONS = "--enable-source-maps";

export const LAZY_FOLDER = "lazy";

/** A package (or several) built into one CommonJS file of lazy/, with the exports its importers use. */
export interface LazyPackage {
  file: string;
  /** Specifier → the named exports stood in for (all functions or classes: a stand-in forwards calls). */
  exports: Readonly<Record<string, readonly string[]>>;
}

export const LAZY_PACKAGES: readonly LazyPackage[] = [
  // The normalizer's HTML stack: only .html articles need it.
  {
    file: "html-stack.cjs",
    exports: {
      linkedom: ["parseHTML"],
      "@mozilla/readability": ["Readability", "isProbablyReaderable"],
    },
  },
  // 24 Snowball stemmers in one file, of which an article uses one.
  { file: "snowball-stemmers.cjs", exports: { "snowball-stemmers": ["newStemmer", "algorithms"] } },
];

/** Modules replaced in index.mjs by the file of bundle-shims/ that says why. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  "node:http": join(SHIMS, "node-http.cjs"),
  "eld/extrasmall": join(SHIMS, "eld-extrasmall.mjs"),
};

/** Options of every file esbuild writes into a package: index.mjs and lazy/*.cjs. */
function commonOptions(): BuildOptions {
  return {
    bundle: true,
    platform: "node",
    target: BUNDLE_TARGET,
    minify: true,
    // Errors are named after their class (shared/errors.ts) and records carry that name as `errorType`.
    keepNames: true,
    // esbuild's default ASCII output escapes every non-ASCII character of the language data in 4-6 bytes.
    charset: "utf8",
    mainFields: ["module", "main"],
    // Maps without the sources: enough for Node to name file and line, a fraction of the bytes.
    sourcemap: "linked",
    sourcesContent: false,
    absWorkingDir: PROJECT_ROOT,
    logLevel: "error",
  };
}

/** ESM's lack of `require`, for the dependencies that still call it (Node built-ins). */
const ESM_REQUIRE_BANNER =
  "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Resolves each lazy package's specifiers to a generated module of stand-ins (namespace `lazy`). */
function lazyStandIns(): Plugin {
  const bySpecifier = new Map(
    LAZY_PACKAGES.flatMap((pkg) => Object.keys(pkg.exports).map((s) => [s, pkg] as const)),
  );
  const filter = new RegExp(`^(${[...bySpecifier.keys()].map(escapeRegExp).join("|")})$`);
  const runtime = JSON.stringify(join(SHIMS, "lazy-files.mjs"));
  return {
    name: "lazy-stand-ins",
    setup(plugin) {
      plugin.onResolve({ filter }, (args) => ({ path: args.path, namespace: "lazy" }));
      plugin.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => {
        const pkg = bySpecifier.get(args.path) as LazyPackage;
        const names = pkg.exports[args.path] ?? [];
        const lines = names.map(
          (name) => `export const ${name} = lazyExport(${JSON.stringify(pkg.file)}, "${name}");`,
        );
        // The default import of a CommonJS package is its exports object.
        const contents = [`import { lazyExport } from ${runtime};`, ...lines]
          .concat(`export default { ${names.join(", ")} };`)
          .join("\n");
        return { contents, loader: "js", resolveDir: PROJECT_ROOT };
      });
    },
  };
}

export interface PackageOptions {
  /** The handler module (or any module, for tests) bundled as index.mjs. */
  entry: string;
  /** Emptied, then filled with index.mjs, its map and lazy/. */
  outDir: string;
  /** false: every module as its package ships it, nothing aliased or lazy (the benchmark's comparison). */
  standIns?: boolean;
  /** esbuild options over the package's (the benchmark's variants: external SDK, no-op tracer). */
  overrides?: Partial<BuildOptions>;
}

export interface BuiltPackage {
  bundleFile: string;
  metafile: Metafile;
  /** Files of lazy/ written, relative to it. */
  lazyFiles: string[];
}

/** Builds a Lambda package: index.mjs, then the lazy files it reaches. */
export async function buildLambdaPackage(options: PackageOptions): Promise<BuiltPackage> {
  const { entry, outDir, standIns = true, overrides = {} } = options;
  rmSync(outDir, { recursive: true, force: true });
  const bundleFile = join(outDir, "index.mjs");
  const { metafile } = await build({
    ...commonOptions(),
    format: "esm",
    banner: { js: ESM_REQUIRE_BANNER },
    plugins: standIns ? [lazyStandIns()] : [],
    ...overrides,
    alias: { ...(standIns ? BUNDLE_ALIASES : {}), ...overrides.alias },
    metafile: true,
    entryPoints: [entry],
    outfile: bundleFile,
  });
  const inputs = Object.keys(metafile.inputs);
  const lazyDir = join(outDir, LAZY_FOLDER);
  const lazyFiles: string[] = [];
  for (const pkg of LAZY_PACKAGES) {
    if (!Object.keys(pkg.exports).some((specifier) => inputs.includes(`lazy:${specifier}`)))
      continue;
    await buildLazyPackage(pkg, lazyDir);
    lazyFiles.push(pkg.file, `${pkg.file}.map`);
  }
  if (inputs.some((input) => input.endsWith("bundle-shims/eld-extrasmall.mjs"))) {
    await writeEldTable(lazyDir);
    lazyFiles.push(ELD_META_FILE, ELD_NGRAMS_FILE);
  }
  return { bundleFile, metafile, lazyFiles: lazyFiles.sort() };
}

/** A lazy package's file: CommonJS, so that a stand-in can load it synchronously with `require`. */
async function buildLazyPackage(pkg: LazyPackage, lazyDir: string): Promise<void> {
  const contents = Object.entries(pkg.exports)
    .map(
      ([specifier, names]) => `export { ${names.join(", ")} } from ${JSON.stringify(specifier)};`,
    )
    .join("\n");
  await build({
    ...commonOptions(),
    format: "cjs",
    stdin: { contents, loader: "js", resolveDir: PROJECT_ROOT, sourcefile: pkg.file },
    outfile: join(lazyDir, pkg.file),
  });
}

/**
 * eld's extra-small database (60 languages) as bundle-shims/eld-extrasmall.mjs reads it: the header as JSON,
 * the n-grams as lines `key\tlanguage:score,…` sorted by key (JavaScript string order, which the shim's
 * binary search uses), in latin1 since every key character is one byte value; gzipped, as the package's size
 * budget has no room for it whole.
 */
async function writeEldTable(lazyDir: string): Promise<void> {
  const source = join(PROJECT_ROOT, "node_modules/eld/src/ngrams/extrasmall.js");
  const { ngramsData } = (await import(pathToFileURL(source).href)) as {
    ngramsData: { ngrams: Record<string, Record<string, number>> };
  };
  const { ngrams, ...meta } = ngramsData;
  const keys = Object.keys(ngrams).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = keys.map((key) => {
    if (/[\t\n]|[^\x20-\xff]/.test(key))
      throw new Error(`${source}: n-gram ${JSON.stringify(key)} is not a byte string`);
    const scores = Object.entries(ngrams[key] ?? {}).map(([lang, score]) => `${lang}:${score}`);
    return `${key}\t${scores.join(",")}`;
  });
  mkdirSync(join(lazyDir, "eld"), { recursive: true });
  writeFileSync(join(lazyDir, ELD_META_FILE), JSON.stringify(meta));
  const table = Buffer.from(lines.join("\n"), "latin1");
  writeFileSync(join(lazyDir, ELD_NGRAMS_FILE), gzipSync(table, { level: 9 }));
}

export const stageEntry = (stage: StageName) =>
  join(PROJECT_ROOT, "functions", stage, "handler.ts");

const BUILD_SCRIPT = join(PROJECT_ROOT, "infra/aws/build-lambda-package.ts");

/**
 * Builds a stage's package into the folder CDK stages as its asset, in a child process (CDK asks for it
 * synchronously; esbuild's plugins need the asynchronous API) that runs build-lambda-package.ts with tsx.
 */
export class LambdaPackageBuild implements ILocalBundling {
  constructor(readonly stage: StageName) {}

  tryBundle(outputDir: string): boolean {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const args = ["--import", tsx, BUILD_SCRIPT, this.stage, outputDir];
    const run = spawnSync(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
    if (run.status !== 0) {
      throw new Error(`${this.stage}: building its Lambda package into ${outputDir} failed`);
    }
    return true;
  }
}

/**
 * A stage's Lambda code, built at synth by buildLambdaPackage. Bundling is local only: it needs this
 * project's node_modules, and tryBundle never declines, so CDK never starts the image the type requires.
 * Synths that skip bundling (the stack's unit tests) get CDK's placeholder asset instead.
 */
export function lambdaCode(stage: StageName): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry("public.ecr.aws/sam/build-nodejs22.x"),
      local: new LambdaPackageBuild(stage),
    },
  });
}
