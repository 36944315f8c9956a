/**
 * `npm run schemas`: writes shared/contract/schemas/*.json from the TypeScript schemas (the source), formatted
 * the way Biome keeps the repository, so a regenerated file differs only where the contract changed.
 * `npm run schemas -- --check` writes nothing and exits 1 naming each file that is out of date.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PUBLISHED_SCHEMAS } from "../shared/contract/published-schemas";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCHEMAS = join(ROOT, "shared/contract/schemas");
const BIOME = join(ROOT, "node_modules/.bin/biome");

/** A schema's file text as Biome formats JSON in this repository (through stdin: nothing is written). */
function formatted(name: string, schema: object): string {
  return execFileSync(BIOME, ["format", `--stdin-file-path=shared/contract/schemas/${name}`], {
    cwd: ROOT,
    input: JSON.stringify(schema),
    encoding: "utf8",
  });
}

function current(name: string): string | undefined {
  try {
    return readFileSync(join(SCHEMAS, name), "utf8");
  } catch {
    return undefined;
  }
}

const check = process.argv.includes("--check");
const stale = Object.entries(PUBLISHED_SCHEMAS)
  .map(([name, schema]) => [name, formatted(name, schema)] as const)
  .filter(([name, text]) => current(name) !== text);
for (const [name, text] of stale) {
  if (check) console.error(`shared/contract/schemas/${name} is out of date: run npm run schemas`);
  else writeFileSync(join(SCHEMAS, name), text);
}
if (!check) console.log(`${stale.length} schema file(s) written`);
process.exitCode = check && stale.length > 0 ? 1 : 0;
