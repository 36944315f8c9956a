/**
 * Builds the command-line interfaces into dist/cli/ (git-ignored) with esbuild, so that `npm run normalize`,
 * `npm run summarize` and `npm start` start Node on plain JavaScript instead of compiling TypeScript through
 * tsx at every call. Run by `prepare` (so by `npm ci` / `npm install`), by `npm run build:cli`, and by
 * scripts/cli.mjs whenever a source file is newer than the build or a file the build wrote is missing.
 *
 * Plain options on purpose: infra/aws/bundling.ts builds the Lambda bundles with its own; the two could share
 * a base set of options later. What they share already: eld's n-gram database, carried by both as one table
 * (scripts/eld-table.mjs).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { eldTable } from "./eld-table.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(ROOT, "dist/cli");
/** What the launcher reads to tell whether the build is older than its sources. */
export const INPUTS_FILE = join(OUT_DIR, "inputs.json");

/**
 * name → entry. The pure CLIs carry their dependencies in one file (one file to load is most of their start-up
 * gain); `start` keeps node_modules external, since the local stack (s3rver, the AWS SDK) is loaded as is.
 */
export const CLIS = {
  normalize: { entry: "shared/cli/normalize.ts", bundleDependencies: true },
  summarize: { entry: "shared/cli/summarize.ts", bundleDependencies: true },
  start: { entry: "infra/local/cli/start.ts", bundleDependencies: false },
  backfill: { entry: "infra/backfill/cli.ts", bundleDependencies: false },
};

/** `export const <name> = JSON.parse("…")`, after checking that JSON carries the value unchanged. */
function jsonModule(name, value, path) {
  const json = JSON.stringify(value);
  if (!isDeepStrictEqual(JSON.parse(json), value)) {
    throw new Error(`${path}: its data does not survive JSON; cannot inline it as JSON`);
  }
  return `export const ${name} = JSON.parse(${JSON.stringify(json)});\n`;
}

/**
 * JSON files as JSON.parse of a string instead of an object literal: V8 reads JSON several times faster than
 * it compiles the same literal, and the summarizer's trees are much of the CLIs' start-up. (eld's n-gram
 * database, larger still, is carried as a table read on the first detection: scripts/eld-table.mjs.)
 */
const dataAsJson = {
  name: "data-as-json",
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, ({ path }) => {
      const value = JSON.parse(readFileSync(path, "utf8"));
      return {
        contents: `${jsonModule("data", value, path)}export default data;\n`,
        loader: "js",
      };
    });
  },
};

/**
 * Dependencies left to Node's own loader, except JSON files: Node loads those only with an import attribute
 * (`with { type: "json" }`) the sources do not carry, so they go into the bundle.
 */
const dependenciesExternalButJson = {
  name: "dependencies-external-but-json",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.endsWith(".json") ? undefined : { path, external: true },
    );
  },
};

/**
 * The Word and PDF readers (mammoth, pdf.js) stay in node_modules: imported by the first .docx or .pdf only,
 * bundled they would more than double the file every other run parses.
 */
const DOCUMENT_READERS = ["mammoth", "jszip", "unpdf"];

/**
 * esbuild options for one CLI entry. Exported so that the throughput bench (tests/bench/summary-speed.ts) times
 * code built exactly as the CLIs are, and tests/infra/eld-table.test.ts tests it. `written`, if given, gets
 * the files written beside `outfile` (eld's table), relative to its folder.
 */
export function cliBuildOptions({ entry, outfile, bundleDependencies, written }) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node18",
    // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    // The table of eld's database is written to lazy/ beside `outfile`, as is, which reads quickest.
    plugins: [
      ...(bundleDependencies ? [] : [dependenciesExternalButJson]),
      dataAsJson,
      eldTable({ compress: false, written }),
    ],
    external: DOCUMENT_READERS,
    metafile: true,
    logLevel: "warning",
    write: false,
  };
}

export async function buildClis() {
  const { build } = await import("esbuild");
  // Taken before reading any source: a file saved while the build runs counts as newer than the build.
  const builtAt = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const inputs = new Set(["package.json", "scripts/build-cli.mjs", "scripts/eld-table.mjs"]);
  // What the launcher must find to run a CLI: the bundles, and the files the plugins wrote beside them.
  const outputs = new Set();
  await Promise.all(
    Object.entries(CLIS).map(async ([name, { entry, bundleDependencies }]) => {
      const outfile = join(OUT_DIR, `${name}.mjs`);
      const options = cliBuildOptions({ entry, outfile, bundleDependencies, written: outputs });
      const result = await build(options);
      for (const file of result.outputFiles) {
        writeAtomically(file.path, file.contents);
        outputs.add(relative(OUT_DIR, file.path).split(sep).join("/"));
      }
      for (const input of Object.keys(result.metafile.inputs)) {
        if (!input.split(/[\\/]/).includes("node_modules")) inputs.add(input);
      }
    }),
  );
  // Dependencies change only through npm install, which runs `prepare` again: the project's files suffice.
  const files = [...inputs].sort().map((file) => relative(ROOT, join(ROOT, file)));
  writeAtomically(
    INPUTS_FILE,
    `${JSON.stringify({ builtAt, files, outputs: [...outputs].sort() })}\n`,
  );
}

/** Two CLI runs may rebuild at once: neither must ever load the other's half-written file. */
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildClis();
  } catch (error) {
    // `npm ci --omit=dev` runs `prepare` too: without esbuild there is nothing to build, and no reason to
    // fail the install (the CLIs say what is missing when run).
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("esbuild"))
      throw error;
    process.stderr.write("build-cli: esbuild is not installed (dev dependency); CLIs not built\n");
  }
}
