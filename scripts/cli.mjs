/**
 * `node scripts/cli.mjs <name> [args…]`: runs the built CLI dist/cli/<name>.mjs, rebuilding it first when any
 * of its source files changed since the build (a few dozen stat calls), so an edited checkout never runs stale
 * code. The package.json scripts `normalize`, `summarize`, `start` and `backfill` go through here.
 */
import { readFileSync, statSync } from "node:fs";
import module from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const OUT_DIR = join(ROOT, "dist/cli");
const name = process.argv[2] ?? "";

function isStale() {
  try {
    const { builtAt, files, outputs } = JSON.parse(
      readFileSync(join(OUT_DIR, "inputs.json"), "utf8"),
    );
    // A bundle or a file beside it (eld's table in lazy/) deleted since the build: build again.
    for (const output of outputs ?? [`${name}.mjs`]) statSync(join(OUT_DIR, output));
    return files.some((file) => {
      try {
        return statSync(join(ROOT, file)).mtimeMs > builtAt;
      } catch {
        return true; // a source file was removed or renamed
      }
    });
  } catch {
    return true; // never built
  }
}

if (!/^[a-z-]+$/.test(name)) {
  process.stderr.write(
    "usage: node scripts/cli.mjs <normalize|summarize|start|backfill> [args…]\n",
  );
  process.exit(2);
}
if (isStale()) {
  const { buildClis, CLIS } = await import("./build-cli.mjs");
  if (!Object.hasOwn(CLIS, name)) {
    process.stderr.write(
      `no CLI named "${name}"; expected one of ${Object.keys(CLIS).join(", ")}\n`,
    );
    process.exit(2);
  }
  await buildClis();
}
// V8's code cache on disk (Node >= 22.1; a no-op before): the bundles are megabytes of JavaScript, and
// compiling them is most of what start-up costs once tsx is gone.
module.enableCompileCache?.(join(ROOT, "node_modules/.cache/cli-compile-cache"));
// The CLI reads its own arguments from process.argv.slice(2), as when started directly.
process.argv.splice(2, 1);
await import(pathToFileURL(join(OUT_DIR, `${name}.mjs`)).href);
