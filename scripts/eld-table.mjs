/**
 * How the CLI and Lambda builds (scripts/build-cli.mjs, infra/aws/bundling.ts) carry eld's n-gram database: as
 * its table (shared/normalize/language-eld-table.mjs), written beside the bundle as lazy/eld/ngrams.bin and
 * read on the first detection, instead of eld's object literal parsed at every start. One esbuild plugin for
 * both: it replaces shared/normalize/language-eld-data.mjs (which packs the table from eld's database when the
 * sources run, and gives the bytes written here) by infra/aws/bundle-shims/eld-table.mjs, and refuses eld's
 * database itself.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { ELD_TABLE_FILE, LAZY_FOLDER } from "../infra/aws/bundle-shims/lazy-files.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHIM = join(ROOT, "infra/aws/bundle-shims/eld-table.mjs");

/**
 * The table's bytes, made once per process (packing and compressing are slow): compressed → their promise,
 * stored before it settles so that builds running at once (the CLIs) share one.
 */
const made = new Map();

function tableBytes(compress) {
  if (!made.has(compress)) made.set(compress, makeTableBytes(compress));
  return made.get(compress);
}

async function makeTableBytes(compress) {
  // Imported here, not at the top: build-cli.mjs and infra/aws/bundling.ts load this file whether or not a
  // bundle reaches eld, and eld's database is large.
  const { eldTableBytes } = await import("../shared/normalize/language-eld-data.mjs");
  const table = eldTableBytes();
  if (!compress) return table;
  const params = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: table.length };
  return brotliCompressSync(table, { params });
}

/**
 * The plugin. `compress`: brotli (the shim tells the two apart), for the Lambda packages, whose size has a
 * target; the CLIs read the table as is, which is quicker. `written`, if given: a Set that gets the path of
 * each file the plugin writes, relative to the build's out dir and `/`-separated.
 */
export function eldTable({ compress, written }) {
  return {
    name: "eld-table",
    setup(build) {
      let reached = false;
      build.onStart(() => {
        reached = false;
      });
      build.onResolve({ filter: /[\\/]language-eld-data\.mjs$/ }, () => {
        reached = true;
        return { path: SHIM };
      });
      build.onResolve(
        { filter: /^eld($|\/)|[\\/]eld[\\/]src[\\/]ngrams[\\/]/ },
        ({ path, importer }) => ({
          errors: [
            {
              text: `${importer} imports ${path}: bundles carry eld's n-gram database as its table (scripts/eld-table.mjs); detect languages with shared/normalize/language.ts`,
            },
          ],
        }),
      );
      build.onEnd(async (result) => {
        if (!reached || result.errors.length > 0) return;
        const { absWorkingDir = process.cwd(), outfile, outdir } = build.initialOptions;
        const out = outfile
          ? dirname(resolve(absWorkingDir, outfile))
          : resolve(absWorkingDir, outdir);
        const file = join(out, LAZY_FOLDER, ELD_TABLE_FILE);
        mkdirSync(dirname(file), { recursive: true });
        // Builds running at once (the CLIs, two CLI runs) write the same bytes: each whole, by a rename.
        const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temporary, await tableBytes(compress));
        renameSync(temporary, file);
        written?.add(relative(out, file).split(sep).join("/"));
      });
    },
  };
}
