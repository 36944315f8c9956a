/**
 * The lazy/ side of `npm run bench:bundle`: what the first article of a cold start pays to load the files
 * a Lambda keeps beside its bundle (infra/aws/lazy-modules.ts), and how many bytes they are.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import {
  ELD_META_FILE,
  ELD_NGRAMS_FILE,
  HTML_STACK_FILE,
  STOPWORD_LANGUAGES_FILE,
  stemmerFile,
  stopwordsFile,
} from "../../infra/aws/bundle-shims/lazy-file-names.mjs";
import { lambdaBuildOptions } from "../../infra/aws/bundling";
import { LAZY_FOLDER } from "../../infra/aws/lazy-modules";
import type { StageName } from "../../shared/pipeline/routing";

const ROOT = join(import.meta.dirname, "../..");

/** Environment of a Lambda process, so handlers take their at-init path (clients built during init). */
export const LAMBDA_ENV = {
  ...process.env,
  AWS_LAMBDA_FUNCTION_NAME: "bench",
  AWS_EXECUTION_ENV: "AWS_Lambda_nodejs22.x",
  AWS_REGION: "eu-west-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  RESULTS_BUCKET: "bench-results",
  TARGET_LANGUAGES: "es,fr",
  TRANSLATE_QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/111122223333/bench",
  POWERTOOLS_METRICS_NAMESPACE: "Bench",
};

/**
 * What the first article of a cold start loads from lazy/ after init, per stage, timed in a fresh process
 * that has imported the function's bundle first: the reads the shims of infra/aws/bundle-shims do
 * (lazy-files.mjs), or, for the language detector, whose shim reads little and looks up per detection, a
 * first detection through the shim built into the same asset (the table also holds eld's own first detect).
 */
export interface FirstUse {
  label: string;
  files: LazyRead[];
  /**
   * Instead of reading files: this module bundled beside index.mjs (as the stack bundles, or with no
   * stand-ins), imported and called; both are timed.
   */
  probe?: { entry: string; call: string; asPackaged?: boolean };
}

const DETECTION_SAMPLE =
  "The port of Kelmouth reopened on Tuesday after a week-long strike by dockworkers ended in a pay deal. Ships that had waited in the estuary began to unload on Tuesday morning, the port said.";

export const FIRST_USE: Record<StageName, FirstUse[]> = {
  normalize: [
    {
      label: "first language detection",
      files: [
        [ELD_META_FILE, "json"],
        [ELD_NGRAMS_FILE, "latin1"],
      ],
      probe: {
        entry: "infra/aws/bundle-shims/eld-extrasmall.mjs",
        call: `m.eld.detect(${JSON.stringify(DETECTION_SAMPLE)})`,
      },
    },
    {
      label: "(for comparison: eld as packaged, import + first detection)",
      files: [],
      probe: {
        entry: "eld/extrasmall",
        call: `m.eld.detect(${JSON.stringify(DETECTION_SAMPLE)})`,
        asPackaged: true,
      },
    },
    { label: "first .html article", files: [[HTML_STACK_FILE, "module"]] },
  ],
  summarize: [
    {
      label: "first English article",
      files: [
        [stemmerFile("english"), "module"],
        [STOPWORD_LANGUAGES_FILE, "json"],
        [stopwordsFile("en"), "lines"],
      ],
    },
  ],
  translate: [],
};

/** A file of lazy/ and how its shim reads it. */
type LazyRead = [file: string, as: "module" | "json" | "latin1" | "lines"];

const probeFile = (bundleFile: string, entry: string) =>
  join(bundleFile, "..", `probe-${entry.replace(/[^a-z0-9]+/gi, "-")}.mjs`);

/** Bundles each probe of a stage beside its index.mjs, so that the probe's lazy/ is the function's. */
export async function buildProbes(stage: StageName, bundleFile: string): Promise<void> {
  for (const { probe } of FIRST_USE[stage]) {
    if (!probe) continue;
    const options = lambdaBuildOptions(ROOT);
    await build({
      ...options,
      alias: probe.asPackaged ? {} : options.alias,
      entryPoints: [probe.entry.startsWith("infra/") ? join(ROOT, probe.entry) : probe.entry],
      outfile: probeFile(bundleFile, probe.entry),
    });
  }
}

/** Milliseconds (wall, inside one fresh process) of a first use, once `bundleFile` is imported. */
export function timeFirstUse(bundleFile: string, use: FirstUse): number {
  const lazy = join(bundleFile, "..", LAZY_FOLDER);
  const href = (file: string) => JSON.stringify(pathToFileURL(file).href);
  let work = use.files
    .map(([file, as]) => {
      const path = JSON.stringify(join(lazy, file));
      if (as === "module") return `req(${path});`;
      if (as === "json") return `JSON.parse(readFileSync(${path},"utf8"));`;
      if (as === "latin1") return `readFileSync(${path},"latin1");`;
      return `readFileSync(${path},"utf8").split("\\n");`;
    })
    .join("");
  if (use.probe) {
    work = `const m=await import(${href(probeFile(bundleFile, use.probe.entry))});${use.probe.call};`;
  }
  const code = `import{readFileSync}from"node:fs";import{createRequire}from"node:module";const req=createRequire(import.meta.url);await import(${href(bundleFile)});const t=performance.now();${work}process.stdout.write(String(performance.now()-t));`;
  return runMeasuring(code, use.label).printed;
}

/**
 * Runs `code` (an ES module) in a fresh node process with Lambda's environment; returns the number it printed
 * last and the process's wall time.
 */
export function runMeasuring(code: string, what: string): { printed: number; wallMs: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    env: LAMBDA_ENV,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${what} failed: ${result.stderr.toString().slice(0, 2000)}`);
  }
  return { printed: Number(result.stdout.toString().trim().split("\n").pop()), wallMs };
}

/** Bytes of every file under `dir` (0 when absent). */
export function treeBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median first-use milliseconds of each of a stage's FIRST_USE, over `runs` fresh processes each. */
export function firstUseMedians(
  stage: StageName,
  bundleFile: string,
  runs: number,
  round: (ms: number) => number,
): Record<string, number> {
  return Object.fromEntries(
    FIRST_USE[stage].map((use) => {
      const samples = Array.from({ length: runs }, () => timeFirstUse(bundleFile, use));
      return [use.label, round(median(samples))];
    }),
  );
}
