#!/usr/bin/env node
/**
 * `npx article-pipeline start …` / `dev …` / `backfill …`: the CLIs without npm's own output, so
 * `npx article-pipeline start <file> --json | jq` reads pure JSON lines. Runs the TypeScript entry point with
 * tsx on the Node running this script (npx puts the project's Node 22 first on PATH).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Entry points, relative to infra/. */
const COMMANDS = {
  start: "local/cli/start.ts",
  dev: "local/cli/dev.ts",
  backfill: "backfill/cli.ts",
};
const [command, ...args] = process.argv.slice(2);
const entry = COMMANDS[command];
if (!entry) {
  process.stderr.write(
    "usage: article-pipeline start <file or folder…> [flags] | article-pipeline dev [flags] | article-pipeline backfill --bucket B [flags]\n",
  );
  process.exit(2);
}
const script = fileURLToPath(new URL(`../infra/${entry}`, import.meta.url));
const tsx = import.meta.resolve("tsx");
const result = spawnSync(process.execPath, ["--import", tsx, script, ...args], {
  stdio: "inherit",
});
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
