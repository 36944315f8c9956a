/**
 * `npm run bench`: every `bench:*` script with `--json`, a scaling measurement, one results file
 * (tests/bench/results/latest.json) and the charts (tests/bench/charts/*.svg).
 * Flags: `--json` (print only the results object), `--only normalize,summary`, `--no-scaling`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { benchArgs, refuse } from "./args";
import {
  type QualityRow,
  qualitySpec,
  type ScalingPoint,
  scalingSpec,
  toSvg,
} from "./charts/render";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, "..", "..");
const RESULTS_FILE = join(HERE, "results", "latest.json");
const CHARTS_DIR = join(HERE, "charts");
/** The benchmarks the issues ask for, in order; any other `bench:*` script is run after them. */
const EXPECTED = ["normalize", "summary", "translate", "bundle", "e2e"];
const SCALING_BYTES = [10_000, 31_623, 100_000, 316_228, 1_000_000, 3_162_278, 10_000_000];
const BENCH_TIMEOUT_MS = 30 * 60_000;
const PROBE_TIMEOUT_MS = 5 * 60_000;

const USAGE = "npm run bench -- [--json] [--only normalize,summary,…] [--no-scaling]";
const options = benchArgs(USAGE, {
  json: { type: "boolean" },
  only: { type: "string" },
  "no-scaling": { type: "boolean" },
});
const asJson = options.json === true;
const only = options.only;
const withScaling = options["no-scaling"] !== true;

/** Progress goes to stderr so that stdout stays one JSON object under --json. */
function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

type BenchOutcome =
  | { status: "ok"; seconds: number; result: unknown }
  | { status: "skipped"; reason: string }
  | { status: "failed"; seconds: number; reason: string };

function benchScripts(): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const scripts = new Map<string, string>();
  for (const [name, command] of Object.entries(pkg.scripts ?? {})) {
    if (name.startsWith("bench:")) scripts.set(name.slice(6), command);
  }
  return scripts;
}

function parseJson(stdout: string): unknown {
  const text = stdout.trim();
  try {
    return JSON.parse(text);
  } catch {
    // A benchmark that leaks a log line before its object still yields its last line.
    return JSON.parse(text.split("\n").at(-1) ?? "");
  }
}

function runBench(name: string, command: string | undefined): BenchOutcome {
  if (command === undefined) return { status: "skipped", reason: `no bench:${name} script yet` };
  const file = command.match(/tests\/bench\/\S+\.ts/)?.[0];
  if (file && !existsSync(join(REPO, file))) {
    return { status: "skipped", reason: `bench:${name} names ${file}, which does not exist yet` };
  }
  progress(`running bench:${name} …`);
  const started = performance.now();
  const run = spawnSync("npm", ["run", "--silent", `bench:${name}`, "--", "--json"], {
    cwd: REPO,
    encoding: "utf8",
    timeout: BENCH_TIMEOUT_MS,
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    const why = run.error?.message ?? run.stderr.trim().split("\n").slice(-3).join(" | ");
    return { status: "failed", seconds, reason: `exit ${run.status ?? run.signal}: ${why}` };
  }
  try {
    return { status: "ok", seconds, result: parseJson(run.stdout) };
  } catch {
    return { status: "failed", seconds, reason: "stdout was not one JSON object" };
  }
}

function runScaling(): { corpus: string; points: ScalingPoint[]; note?: string } {
  const points: ScalingPoint[] = [];
  let corpus = "";
  for (const bytes of SCALING_BYTES) {
    progress(`scaling probe at ${(bytes / 1024).toFixed(0)} KiB …`);
    const run = spawnSync("npx", ["tsx", join(HERE, "charts", "scaling-probe.ts"), String(bytes)], {
      cwd: REPO,
      encoding: "utf8",
      timeout: PROBE_TIMEOUT_MS,
    });
    if (run.status !== 0) {
      const why = run.error?.message ?? run.stderr.trim().split("\n").slice(-2).join(" | ");
      return { corpus, points, note: `stopped at ${bytes} bytes: ${why}` };
    }
    const point = parseJson(run.stdout) as ScalingPoint & { corpus: string };
    corpus = point.corpus;
    points.push(point);
  }
  return { corpus, points };
}

function qualityRows(summary: unknown): QualityRow[] {
  const datasets = (summary as { datasets?: Record<string, Record<string, unknown>> })?.datasets;
  if (!datasets) return [];
  const rows: QualityRow[] = [];
  for (const [dataset, scores] of Object.entries(datasets)) {
    const add = (method: string, s: unknown) => {
      const r = s as { rouge1?: number; rouge2?: number; rougeL?: number } | undefined;
      if (typeof r?.rouge1 !== "number") return;
      rows.push({ dataset, method, metric: "ROUGE-1", value: r.rouge1 });
      if (typeof r.rouge2 === "number")
        rows.push({ dataset, method, metric: "ROUGE-2", value: r.rouge2 });
      if (typeof r.rougeL === "number")
        rows.push({ dataset, method, metric: "ROUGE-L", value: r.rougeL });
    };
    add("summarizer", scores);
    add("LEAD", scores.lead);
  }
  return rows;
}

async function drawCharts(
  scaling: ReturnType<typeof runScaling> | undefined,
  summary: BenchOutcome | undefined,
): Promise<Record<string, string>> {
  const charts: Record<string, string> = {};
  const stamp = `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} CPUs`;
  if (scaling && scaling.points.length >= 2) {
    const file = join(CHARTS_DIR, "scaling.svg");
    const subtitle = `${scaling.corpus}; translation by an in-memory echo engine; ${stamp}`;
    writeFileSync(file, await toSvg(scalingSpec(scaling.points, subtitle)));
    charts.scaling = relative(REPO, file);
  }
  const rows = summary?.status === "ok" ? qualityRows(summary.result) : [];
  if (rows.length > 0) {
    const file = join(CHARTS_DIR, "summary-quality.svg");
    writeFileSync(
      file,
      await toSvg(qualitySpec(rows, `npm run bench:summary on ../shared/eval dev files; ${stamp}`)),
    );
    charts.summaryQuality = relative(REPO, file);
  }
  return charts;
}

function printTables(results: {
  benchmarks: Record<string, BenchOutcome>;
  scaling?: ReturnType<typeof runScaling>;
  charts: Record<string, string>;
}): void {
  const lines = ["| benchmark | status | seconds | result or reason |", "|---|---|---:|---|"];
  for (const [name, outcome] of Object.entries(results.benchmarks)) {
    const seconds = "seconds" in outcome ? outcome.seconds.toFixed(1) : "";
    const detail = outcome.status === "ok" ? JSON.stringify(outcome.result) : outcome.reason;
    lines.push(
      `| ${name} | ${outcome.status} | ${seconds} | ${detail.length > 160 ? `${detail.slice(0, 157)}…` : detail} |`,
    );
  }
  if (results.scaling) {
    const stages = Object.keys(results.scaling.points[0]?.stageMs ?? {});
    lines.push(
      "",
      `Scaling (${results.scaling.corpus || "no corpus"}; translation: in-memory echo)`,
    );
    lines.push(
      `| KiB | sentences | ${stages.map((s) => `${s} ms`).join(" | ")} | total ms | peak RSS MiB |`,
    );
    lines.push(`|---:|---:|${stages.map(() => "---:|").join("")}---:|---:|`);
    for (const p of results.scaling.points) {
      const cells = stages.map((s) => (p.stageMs[s] ?? 0).toFixed(1));
      lines.push(
        `| ${(p.bytes / 1024).toFixed(0)} | ${p.sentences} | ${cells.join(" | ")} | ${p.totalMs.toFixed(1)} | ${p.peakRssMb.toFixed(0)} |`,
      );
    }
    if (results.scaling.note) lines.push(`note: ${results.scaling.note}`);
  }
  lines.push("", ...Object.entries(results.charts).map(([name, file]) => `chart ${name}: ${file}`));
  console.log(lines.join("\n"));
}

const scripts = benchScripts();
const known = [...EXPECTED, ...[...scripts.keys()].filter((n) => !EXPECTED.includes(n))];
const unknown = only?.split(",").filter((n) => !known.includes(n)) ?? [];
if (unknown.length > 0)
  refuse(USAGE, `--only: no bench named ${unknown.join(", ")} (${known.join(", ")})`);
const names = known.filter((n) => !only || only.split(",").includes(n));
const benchmarks: Record<string, BenchOutcome> = {};
for (const name of names) {
  benchmarks[name] = runBench(name, scripts.get(name));
  if (benchmarks[name].status !== "ok") progress(`bench:${name} ${benchmarks[name].status}`);
}
const scaling = withScaling ? runScaling() : undefined;
const charts = await drawCharts(scaling, benchmarks.summary);
const results = {
  generatedAt: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, loadAverage1m: loadavg()[0] },
  benchmarks,
  ...(scaling && { scaling }),
  charts,
};
mkdirSync(dirname(RESULTS_FILE), { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
if (asJson) console.log(JSON.stringify(results));
else {
  printTables({ benchmarks, scaling, charts });
  console.log(`results: ${relative(REPO, RESULTS_FILE)}`);
}
