/**
 * Speed rows of bench:summary. Cold: each dev file summarized once in a fresh process (summary-cold.ts), which
 * is what a CLI run or a Lambda invocation does, with the floor measured in that process on the same rows. The
 * cold pass runs code built as the CLIs are (one esbuild bundle on plain Node), not the TypeScript sources
 * through tsx: that is what `npm run summarize` runs, and the Lambda functions run bundles too.
 * Start-up: wall time of the normalize CLI, exactly as package.json runs it, on a one-sentence file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { ColdPass } from "./summary-cold";
import { EVAL_DIR } from "./summary-data";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** summary-cold.ts built with scripts/build-cli.mjs's options into a temporary directory; `remove` deletes it. */
export async function buildColdPass(): Promise<{ script: string; remove: () => void }> {
  const { build } = await import("esbuild");
  const { cliBuildOptions } = await import("../../scripts/build-cli.mjs");
  const dir = mkdtempSync(join(tmpdir(), "summary-cold-"));
  const script = join(dir, "summary-cold.mjs");
  const options = cliBuildOptions({
    entry: "tests/bench/summary-cold.ts",
    outfile: script,
    bundleDependencies: true,
  });
  await build({ ...options, write: true });
  return { script, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One fresh process over `file`, on the Node running this bench and under its CPU affinity. */
export function coldPass(script: string, file: string, sentences: number): ColdPass {
  const child = spawnSync(process.execPath, [script, join(EVAL_DIR, file), String(sentences)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) {
    throw new Error(`summary-cold ${file} failed (exit ${child.status}): ${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as ColdPass;
}

/** The pass of median cold time (CPU time on a shared machine would rank them alike). */
export function medianPass(passes: readonly ColdPass[]): ColdPass {
  if (passes.length === 0) throw new Error("no cold pass to take the median of");
  const sorted = [...passes].sort((a, b) => a.coldSeconds - b.coldSeconds);
  return sorted[Math.floor(sorted.length / 2)] as ColdPass;
}

export interface CliStartup {
  command: string;
  /** Median wall seconds over `runs`, the npm wrapper included. */
  viaNpm: number;
  /** Median wall seconds of the script's own command (what npm runs). */
  direct: number;
  /** Baselines on the same machine at the same time: `node -e 0`, and npm running a script that does nothing. */
  bareNode: number;
  bareNpm: number;
  runs: number;
}

function wallSeconds(command: string, args: readonly string[], shell: boolean): number {
  const started = performance.now();
  const child = spawnSync(command, args, {
    cwd: ROOT,
    shell,
    encoding: "utf8",
    env: {
      ...process.env,
      PATH: `${join(ROOT, "node_modules/.bin")}${delimiter}${process.env.PATH}`,
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${child.stderr}`);
  return seconds;
}

/** `npm run --silent normalize -- <one-sentence file>`, and the package.json command without npm. */
export function cliStartup(runs = 5): CliStartup {
  const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<
    string,
    string
  >;
  const command = scripts.normalize as string;
  const dir = mkdtempSync(join(tmpdir(), "cli-startup-"));
  const file = join(dir, "one.txt");
  writeFileSync(file, "Dock workers walked out on Monday over pay.\n");
  try {
    const viaNpm: number[] = [];
    const direct: number[] = [];
    const bareNode: number[] = [];
    const bareNpm: number[] = [];
    // Interleaved, so a burst of load on the shared machine hits all alike.
    for (let r = 0; r < runs; r++) {
      viaNpm.push(wallSeconds("npm", ["run", "--silent", "normalize", "--", file], false));
      direct.push(wallSeconds(`${command} ${JSON.stringify(file)}`, [], true));
      bareNode.push(wallSeconds(process.execPath, ["-e", "0"], false));
      // npm's built-in `env` script: npm and a shell, no project code.
      bareNpm.push(wallSeconds("npm", ["run", "--silent", "env"], false));
    }
    return {
      command,
      viaNpm: median(viaNpm),
      direct: median(direct),
      bareNode: median(bareNode),
      bareNpm: median(bareNpm),
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
