/**
 * The lazy/ side of `npm run bench:bundle`: what the first article of a cold start pays to load the files
 * a Lambda package keeps beside its bundle (infra/aws/bundling.ts), and the process runner both sides use.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildLambdaPackage, LAMBDA_NODE_OPTIONS, LAZY_FOLDER } from "../../infra/aws/bundling";
import type { StageName } from "../../shared/pipeline/routing";

const ROOT = join(import.meta.dirname, "../..");

/**
 * Environment of a Lambda process, so handlers take their at-init path (clients built during init), with the
 * functions' NODE_OPTIONS (source maps on).
 */
export const LAMBDA_ENV = {
  ...process.env,
  NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
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
 * that has imported the function's bundle first: files of lazy/ loaded as their stand-ins load them, or a probe: a module built into a package of its own (with the stand-ins, or as its package ships
 * it), imported and called; both are timed.
 */
export interface FirstUse {
  label: string;
  /** Files of lazy/ loaded as their stand-ins load them (required, or JSON-parsed), in order. */
  modules: string[];
  /** Then run, timed too, with the loaded modules in `mods` (what the first call of one of them costs). */
  afterwards?: string;
  probe?: { entry: string; call: string; asPackaged?: boolean };
}

const DETECTION_SAMPLE =
  "The port of Kelmouth reopened on Tuesday after a week-long strike by dockworkers ended in a pay deal. Ships that had waited in the estuary began to unload on Tuesday morning, the port said.";
const DETECT = `m.eld.detect(${JSON.stringify(DETECTION_SAMPLE)})`;
const DETECT_LANGUAGE = `m.detectLanguage(${JSON.stringify(DETECTION_SAMPLE)})`;

export const FIRST_USE: Record<StageName, FirstUse[]> = {
  normalize: [
    {
      label: "first language detection",
      modules: [],
      probe: { entry: "shared/normalize/language.ts", call: DETECT_LANGUAGE },
    },
    {
      label: "(for comparison: eld as packaged, import + first detection)",
      modules: [],
      probe: { entry: "eld/extrasmall", call: DETECT, asPackaged: true },
    },
    { label: "first .html article", modules: ["html-stack.cjs"] },
    { label: "first .docx article", modules: ["docx-stack.cjs"] },
    {
      label: "first .pdf article (pdf.js loaded, a 2-page PDF opened)",
      modules: ["pdf-stack.cjs"],
      afterwards: `await mods[0].getDocumentProxy(new Uint8Array(readFileSync(${JSON.stringify(join(ROOT, "tests/fixtures/documents/story.pdf"))}))).then((pdf) => pdf.destroy());`,
    },
  ],
  summarize: [
    {
      label: "first article (stemmers, stopwords)",
      modules: ["snowball-stemmers.cjs", "stopwords-iso.json"],
    },
  ],
  translate: [],
};

const probeDir = (bundleFile: string, entry: string) =>
  join(bundleFile, "..", "..", `probe-${entry.replace(/[^a-z0-9]+/gi, "-")}`);

/** Builds each probe of a stage into a package of its own, beside the stage's package. */
export async function buildProbes(stage: StageName, bundleFile: string): Promise<void> {
  for (const { probe } of FIRST_USE[stage]) {
    if (!probe) continue;
    await buildLambdaPackage({
      entry: /^(infra|shared)\//.test(probe.entry) ? join(ROOT, probe.entry) : probe.entry,
      outDir: probeDir(bundleFile, probe.entry),
      standIns: !probe.asPackaged,
    });
  }
}

/** Milliseconds (wall, inside one fresh process) of a first use, once `bundleFile` is imported. */
export function timeFirstUse(bundleFile: string, use: FirstUse): number {
  const lazy = join(bundleFile, "..", LAZY_FOLDER);
  const href = (file: string) => JSON.stringify(pathToFileURL(file).href);
  const loads = use.modules.map((file) => {
    const path = JSON.stringify(join(lazy, file));
    return file.endsWith(".json") ? `JSON.parse(readFileSync(${path},"utf8"))` : `req(${path})`;
  });
  let work = `const mods=[${loads.join(",")}];${use.afterwards ?? ""}`;
  if (use.probe) {
    const probe = join(probeDir(bundleFile, use.probe.entry), "index.mjs");
    work = `const m=await import(${href(probe)});${use.probe.call};`;
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

/** Bytes of every file under `dir` (0 when absent), source maps left out: they are read only on an error. */
export function treeBytes(dir: string): number {
  return Object.values(lazyFileBytes(dir)).reduce((sum, bytes) => sum + bytes, 0);
}

/** Each file under `dir` (path relative to it → bytes), source maps left out; sorted by path. */
export function lazyFileBytes(dir: string): Record<string, number> {
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".map"))
    .map((entry) => join(entry.parentPath, entry.name));
  return Object.fromEntries(
    files.sort().map((path) => [path.slice(dir.length + 1), statSync(path).size]),
  );
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
