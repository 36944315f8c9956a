/**
 * How a stage's Lambda package is built: one function, buildLambdaPackage, used by the stack (lambdaCode, at
 * synth), by the tests and by `npm run bench:bundle`, so what is measured and tested is what is deployed.
 * A package is `index.mjs` (esbuild: ESM, minified, AWS SDK bundled; what Node parses at every cold start) with
 * its source map, and a `lazy/` folder of what is loaded on first use only, through bundle-shims/lazy-files.mjs:
 * LAZY_PACKAGES as CommonJS files, LAZY_DATA as JSON, and eld's n-gram database as its table (written by
 * scripts/eld-table.mjs's plugin, as for the CLIs); those its bundle reaches (esbuild's metafile), no others.
 * What each choice costs or saves: docs/BUNDLE.md.
 * As a script, `node --import tsx infra/aws/bundling.ts <stage> <dir>` builds a stage's package into <dir>.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AssetHashType, DockerImage, type ILocalBundling } from "aws-cdk-lib";
import { Code } from "aws-cdk-lib/aws-lambda";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";
import { eldTable } from "../../scripts/eld-table.mjs";
import { FUNCTION_NAMES, type FunctionName } from "../../shared/pipeline/dead-letter-routes";
import { LAZY_FOLDER } from "./bundle-shims/lazy-files.mjs";

const PROJECT_ROOT = join(import.meta.dirname, "../..");
const SHIMS = join(PROJECT_ROOT, "infra/aws/bundle-shims");
const require = createRequire(import.meta.url);

/** Lambda's Node 22 runtime. */
export const BUNDLE_TARGET = "node22";
/** Stack traces of the minified bundle name source files and lines (set on every function). */
export const LAMBDA_NODE_OPTIONS = "--enable-source-maps";
export { LAZY_FOLDER };

/**
 * Packages built into one CommonJS file of lazy/: specifier → the exports its importers call. The file holds
 * what those exports reach (`source` when the package's documented per-function module is smaller).
 */
export const LAZY_PACKAGES: readonly {
  file: string;
  exports: Record<string, string[]>;
  source?: string;
}[] = [
  // The normalizer's HTML stack: only .html articles need it.
  {
    file: "html-stack.cjs",
    exports: { linkedom: ["parseHTML"], "@mozilla/readability": ["Readability"] },
  },
  // The normalizer's Markdown stack (micromark, ~104 KB): only .md articles need it.
  {
    file: "markdown-stack.cjs",
    exports: {
      "mdast-util-from-markdown": ["fromMarkdown"],
      "mdast-util-frontmatter": ["frontmatterFromMarkdown"],
      "mdast-util-gfm-strikethrough": ["gfmStrikethroughFromMarkdown"],
      "mdast-util-gfm-table": ["gfmTableFromMarkdown"],
      "micromark-extension-frontmatter": ["frontmatter"],
      "micromark-extension-gfm-strikethrough": ["gfmStrikethrough"],
      "micromark-extension-gfm-table": ["gfmTable"],
    },
  },
  // Word and PDF readers (mammoth, with the zip reader it shares; pdf.js as unpdf builds it for serverless
  // runtimes, one file without a worker): only .docx or .pdf articles need them.
  { file: "docx-stack.cjs", exports: { mammoth: ["convertToHtml"], jszip: ["loadAsync"] } },
  { file: "pdf-stack.cjs", exports: { unpdf: ["getDocumentProxy"] } },
  // The encoding detector: only articles that are neither UTF-8 nor marked by a BOM or a declared charset.
  { file: "chardet.cjs", exports: { chardet: ["analyse"] } },
  // 24 Snowball stemmers, of which an article uses one.
  { file: "snowball-stemmers.cjs", exports: { "snowball-stemmers": ["newStemmer", "algorithms"] } },
  // The X-Ray SDK's cls-hooked calls gte once at load (its AWS SDK v2 patcher, unused here, once more): the
  // one function, not the whole library.
  {
    file: "semver.cjs",
    exports: { semver: ["gte"] },
    source: 'export { default as gte } from "semver/functions/gte.js";',
  },
];

/** JSON modules read from lazy/ on first use rather than parsed as code at init: specifier → file. */
export const LAZY_DATA: Readonly<Record<string, string>> = {
  // Every language's list, of which an article uses one.
  "stopwords-iso/stopwords-iso.json": "stopwords-iso.json",
};

/** Modules replaced in index.mjs by the file of bundle-shims/ that says why. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  "node:http": join(SHIMS, "node-http.cjs"),
};

/** Modules replaced in the lazy files, likewise. */
const LAZY_ALIASES: Readonly<Record<string, string>> = {
  "cssomnom/parse": join(SHIMS, "css-parse.mjs"),
};

/** Options of every file esbuild writes into a package: index.mjs and lazy/*.cjs. */
const COMMON_OPTIONS: BuildOptions = {
  bundle: true,
  platform: "node",
  target: BUNDLE_TARGET,
  minify: true,
  // Readable class and function names in logged stack traces; `errorType` no longer depends on it (each error
  // class declares its type as a literal, shared/contract/error-types.ts).
  keepNames: true,
  // esbuild's default ASCII output escapes every non-ASCII character of the language data in 4-6 bytes.
  charset: "utf8",
  mainFields: ["module", "main"],
  // Without the sources: enough for Node to name file and line, for a fraction of the bytes.
  sourcemap: "linked",
  sourcesContent: false,
  absWorkingDir: PROJECT_ROOT,
  logLevel: "error",
};

/** The source of the module standing in for `specifier` (namespace `lazy`) in index.mjs. */
function standIn(specifier: string): string {
  const runtime = `import { lazyExport, lazyJson } from ${JSON.stringify(join(SHIMS, "lazy-files.mjs"))};`;
  const data = LAZY_DATA[specifier];
  if (data) {
    // An object of the same keys, each read from the file on first use.
    const keys = Object.keys(JSON.parse(readFileSync(require.resolve(specifier), "utf8")));
    const getters = keys.map(
      (k) => `get ${JSON.stringify(k)}() { return load()[${JSON.stringify(k)}]; }`,
    );
    return `${runtime}\nconst load = lazyJson("${data}");\nexport default { ${getters.join(", ")} };`;
  }
  const pkg = LAZY_PACKAGES.find((p) => specifier in p.exports);
  const names = pkg?.exports[specifier] ?? [];
  const lines = names.map(
    (name) => `export const ${name} = lazyExport("${pkg?.file}", "${name}");`,
  );
  // The default import of a CommonJS package is its exports object.
  return [runtime, ...lines, `export default { ${names.join(", ")} };`].join("\n");
}

const lazyStandIns: Plugin = {
  name: "lazy-stand-ins",
  setup(plugin) {
    const specifiers = [
      ...LAZY_PACKAGES.flatMap((p) => Object.keys(p.exports)),
      ...Object.keys(LAZY_DATA),
    ];
    const filter = new RegExp(`^(${specifiers.map((s) => s.replace(/[.]/g, "\\.")).join("|")})$`);
    plugin.onResolve({ filter }, (args) => ({ path: args.path, namespace: "lazy" }));
    plugin.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => ({
      contents: standIn(args.path),
      loader: "js",
      resolveDir: PROJECT_ROOT,
    }));
  },
};

export interface PackageOptions {
  /** Bundled as index.mjs: a stage's handler (stageEntry), or any module. */
  entry: string;
  /** Emptied first. */
  outDir: string;
  /** false: every module as its package ships it, nothing aliased or lazy (the benchmark's comparison). */
  standIns?: boolean;
  /** Over the package's esbuild options (the benchmark's variants: SDK external, no tracer). */
  overrides?: Partial<BuildOptions>;
}

/** Builds a Lambda package: index.mjs, then the lazy files it reaches. */
export async function buildLambdaPackage(
  options: PackageOptions,
): Promise<{ bundleFile: string; metafile: Metafile }> {
  const { entry, outDir, standIns = true, overrides = {} } = options;
  rmSync(outDir, { recursive: true, force: true });
  const bundleFile = join(outDir, "index.mjs");
  const { metafile } = await build({
    ...COMMON_OPTIONS,
    format: "esm",
    // ESM lacks `require`, which some dependencies still call (for Node built-ins).
    banner: {
      js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
    },
    // eld's table brotli-compressed, which keeps normalize's package within its target (docs/BUNDLE.md).
    plugins: standIns ? [lazyStandIns, eldTable({ compress: true })] : [],
    ...overrides,
    alias: { ...(standIns ? BUNDLE_ALIASES : {}), ...overrides.alias },
    metafile: true,
    entryPoints: [entry],
    outfile: bundleFile,
  });
  const reached = (specifier: string) => `lazy:${specifier}` in metafile.inputs;
  const lazyDir = join(outDir, LAZY_FOLDER);
  for (const pkg of LAZY_PACKAGES.filter((p) => Object.keys(p.exports).some(reached))) {
    // CommonJS, so that a stand-in can load it synchronously with `require`.
    const contents =
      pkg.source ??
      Object.entries(pkg.exports)
        .map(([specifier, names]) => `export { ${names.join(", ")} } from "${specifier}";`)
        .join("\n");
    await build({
      ...COMMON_OPTIONS,
      format: "cjs",
      alias: LAZY_ALIASES,
      stdin: { contents, loader: "js", resolveDir: PROJECT_ROOT, sourcefile: pkg.file },
      outfile: join(lazyDir, pkg.file),
    });
  }
  for (const [specifier, file] of Object.entries(LAZY_DATA).filter(([s]) => reached(s))) {
    mkdirSync(lazyDir, { recursive: true });
    writeFileSync(join(lazyDir, file), JSON.stringify(require(specifier)));
  }
  return { bundleFile, metafile };
}

export const stageEntry = (stage: FunctionName) =>
  join(PROJECT_ROOT, "functions", stage, "handler.ts");

/** Builds a stage's package into CDK's asset folder by running this file: CDK asks synchronously. */
export class LambdaPackageBuild implements ILocalBundling {
  constructor(readonly stage: FunctionName) {}

  tryBundle(outputDir: string): boolean {
    const args = ["--import", pathToFileURL(require.resolve("tsx")).href];
    args.push(fileURLToPath(import.meta.url), this.stage, outputDir);
    const run = spawnSync(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
    if (run.status !== 0) throw new Error(`${this.stage}: building its Lambda package failed`);
    return true;
  }
}

/**
 * A stage's Lambda code, built at synth (synths that skip bundling get CDK's placeholder). Local only: tryBundle
 * never declines, so CDK never starts the image its type requires.
 */
export function lambdaCode(stage: FunctionName): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry("public.ecr.aws/sam/build-nodejs22.x"),
      local: new LambdaPackageBuild(stage),
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [stage, outDir] = process.argv.slice(2);
  const stages = FUNCTION_NAMES;
  if (!stage || !outDir || !stages.includes(stage as FunctionName)) {
    console.error(`usage: node --import tsx infra/aws/bundling.ts <${stages.join("|")}> <dir>`);
    process.exit(2);
  }
  await buildLambdaPackage({ entry: stageEntry(stage as FunctionName), outDir });
}
