/**
 * `npm run bench:normalize [-- --json]`: throughput of normalizeArticle on news articles one by one, and on
 * 1 MB and 10 MB of concatenated article text (the scaling check: time(10 MB) / time(1 MB) should be ≈ 10).
 *
 * How: every measurement runs in a fresh child process that reads its input from a file, with a full GC
 * before each timed pass. Times are the process's CPU time (user + system, GC threads included): the
 * machine is shared, and CPU time does not count the time another process held the core; wall time is in the
 * table too. The 1 MB and 10 MB passes alternate in one process, ten 1 MB passes against one 10 MB pass per
 * round. Throughputs and the ratio use the best round; the table shows the median too.
 * The 10 MB peak RSS comes from another process that normalizes the 10 MB file once.
 * MB = 1,048,576 bytes. With --json, stdout is one object:
 * {"mbPerSecNews", "mbPerSec1MB", "mbPerSec10MB", "ratio10MBto1MB", "peakRssMb10MB", "shapes", "markdownShapes"}, where
 * "shapes" has one {"name", "bytes", "cpuMs", "plainCpuMs", "outcome"} per input shape of
 * normalize-shapes.ts (deep nesting…), timed against a plain article of the same size and format, and
 * "markdownShapes" one row per pathological Markdown shape (tests/bench/markdown-shapes.ts) at 240 KB.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeArticle } from "../../shared/normalize";
import { benchArgs } from "./args";
import { printShapeTable, type ShapeTiming, timeMarkdownShapes } from "./markdown-shapes";
import { EVAL, evalIsPresent, longText, newsArticles, sampleArticles } from "./normalize-corpus";
import { measureShape, printShapes, type ShapeRow } from "./normalize-shape-rows";
import { SHAPES } from "./normalize-shapes";
import { formatTable } from "./table";

const MB = 1_048_576;
const SCALING_ROUNDS = 7;
const ONE_MB_BATCH = 10;
const MARKDOWN_SHAPE_BYTES = 240_000;

interface Measurement {
  bytes: number;
  /** CPU milliseconds per pass, sorted. */
  cpu: number[];
  /** Wall-clock milliseconds per pass, sorted. */
  wall: number[];
  /** Article count (news) or sentence count (long text), to show what was done. */
  items: number;
  /** null where not measured (the scaling process holds both inputs: its peak says nothing on its own). */
  peakRssMb: number | null;
}

interface Pass {
  cpuMs: number;
  wallMs: number;
  items: number;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function best(m: Measurement): number {
  return m.cpu[0] as number;
}

function timed(run: () => number): Pass {
  collectGarbage();
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const items = run();
  const cpu = process.cpuUsage(cpuStart);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallStart, items };
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function measurement(bytes: number, passes: Pass[], peak: number | null): Measurement {
  return {
    bytes,
    cpu: passes.map((p) => p.cpuMs).sort((a, b) => a - b),
    wall: passes.map((p) => p.wallMs).sort((a, b) => a - b),
    items: passes.at(-1)?.items ?? 0,
    peakRssMb: peak,
  };
}

/** One warm-up pass (JIT, eld's tables, Readability's code), then `count` timed ones. */
function measureArticles(articles: { fileName: string; bytes: Uint8Array }[], count: number) {
  const run = () => {
    for (const article of articles) normalizeArticle(article);
    return articles.length;
  };
  run();
  const passes = Array.from({ length: count }, () => timed(run));
  const bytes = articles.reduce((sum, a) => sum + a.bytes.length, 0);
  return measurement(bytes, passes, peakRssMb());
}

function normalizeFile(file: string): () => number {
  const bytes = new Uint8Array(readFileSync(file));
  return () => normalizeArticle({ bytes, fileName: file, maxBytes: bytes.length }).sentences.length;
}

function measureScaling(oneMbFile: string, tenMbFile: string): [Measurement, Measurement] {
  const oneMb = normalizeFile(oneMbFile);
  const tenMb = normalizeFile(tenMbFile);
  const batch = () => {
    let items = 0;
    for (let i = 0; i < ONE_MB_BATCH; i++) items = oneMb();
    return items;
  };
  oneMb();
  const small: Pass[] = [];
  const large: Pass[] = [];
  for (let round = 0; round < SCALING_ROUNDS; round++) {
    const pass = timed(batch);
    small.push({ ...pass, cpuMs: pass.cpuMs / ONE_MB_BATCH, wallMs: pass.wallMs / ONE_MB_BATCH });
    large.push(timed(tenMb));
  }
  return [
    measurement(readFileSync(oneMbFile).length, small, null),
    measurement(readFileSync(tenMbFile).length, large, null),
  ];
}

function measurePeakRss(file: string): Measurement {
  normalizeArticle(newsArticles()[0] as { bytes: Uint8Array; fileName: string });
  const pass = timed(normalizeFile(file));
  return measurement(readFileSync(file).length, [pass], peakRssMb());
}

function child(args: string[]): unknown {
  const [mode, ...files] = args;
  switch (mode) {
    case "news":
      return measureArticles(newsArticles(), 7);
    case "html":
      return measureArticles(
        sampleArticles().filter((a) => a.fileName.endsWith(".html")),
        20,
      );
    case "scaling":
      return measureScaling(files[0] as string, files[1] as string);
    case "rss":
      return measurePeakRss(files[0] as string);
    case "shape":
      return measureShape(Number(files[0]), (run) => timed(run).cpuMs);
    case "md-shapes":
      return timeMarkdownShapes(normalizeArticle, MARKDOWN_SHAPE_BYTES, 3);
    default:
      throw new Error(`unknown bench child mode "${mode}"`);
  }
}

function runChild<T>(...args: string[]): T {
  const script = fileURLToPath(import.meta.url);
  const argv = [...process.execArgv, "--expose-gc", script, "--child", ...args];
  const result = spawnSync(process.execPath, argv, { encoding: "utf8", maxBuffer: 16 * MB });
  if (result.status !== 0) {
    throw new Error(`bench child "${args[0]}" failed (exit ${result.status}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}

function mbPerSec(m: Measurement): number {
  return m.bytes / MB / (best(m) / 1000);
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function printTable(rows: [string, Measurement, string][], ratio: number): void {
  const header = [
    "input",
    "size",
    "passes",
    "best CPU ms",
    "median CPU ms",
    "best wall ms",
    "MB/s (best CPU)",
    "peak RSS MB",
    "done",
  ];
  const body = rows.map(([name, m, unit]) => [
    name,
    m.bytes >= MB ? `${(m.bytes / MB).toFixed(2)} MB` : `${(m.bytes / 1024).toFixed(1)} KB`,
    String(m.cpu.length),
    best(m).toFixed(1),
    median(m.cpu).toFixed(1),
    (m.wall[0] as number).toFixed(1),
    mbPerSec(m).toFixed(2),
    m.peakRssMb === null ? "—" : m.peakRssMb.toFixed(0),
    `${m.items} ${unit}`,
  ]);
  console.log(formatTable(header, body));
  console.log(
    `\nratio10MBto1MB = ${ratio.toFixed(2)} (CPU time per byte at 10 MB / at 1 MB × 10; linear = 10)`,
  );
  const news = rows[0]?.[1];
  if (news) {
    const micros = (best(news) / news.items) * 1000;
    const meanKb = news.bytes / news.items / 1024;
    console.log(`news: ${micros.toFixed(0)} µs CPU per article (mean ${meanKb.toFixed(1)} KB)`);
  }
  console.log(
    evalIsPresent()
      ? `news = the repository's samples (txt, md) + the dev articles of ${EVAL}`
      : `../shared/eval is absent (${EVAL}): news = the repository's samples only, long texts = the sample repeated`,
  );
  console.log(
    "peak RSS is the whole process's (Node, tsx, the loaded modules and the input included)",
  );
}

function main(args: string[]): void {
  if (args[0] === "--child") {
    process.stdout.write(JSON.stringify(child(args.slice(1))));
    return;
  }
  const json =
    benchArgs("npm run bench:normalize -- [--json]", { json: { type: "boolean" } }, args).json ===
    true;
  const news = runChild<Measurement>("news");
  const html = runChild<Measurement>("html");
  const folder = mkdtempSync(join(tmpdir(), "normalize-bench-"));
  try {
    const oneMbFile = join(folder, "1MB.txt");
    const tenMbFile = join(folder, "10MB.txt");
    writeFileSync(oneMbFile, longText(MB));
    writeFileSync(tenMbFile, longText(10 * MB));
    const [oneMb, tenMb] = runChild<[Measurement, Measurement]>("scaling", oneMbFile, tenMbFile);
    tenMb.peakRssMb = runChild<Measurement>("rss", tenMbFile).peakRssMb;
    // Per-byte time, so a cut a few bytes short of 1 MB or 10 MB does not bias the ratio.
    const ratio = (best(tenMb) / tenMb.bytes / (best(oneMb) / oneMb.bytes)) * 10;
    const shapes = SHAPES.map((_shape, index) => runChild<ShapeRow>("shape", String(index)));
    const mdShapes = runChild<ShapeTiming[]>("md-shapes");
    if (json) {
      console.log(
        JSON.stringify({
          mbPerSecNews: round(mbPerSec(news)),
          mbPerSec1MB: round(mbPerSec(oneMb)),
          mbPerSec10MB: round(mbPerSec(tenMb)),
          ratio10MBto1MB: round(ratio),
          peakRssMb10MB: round(tenMb.peakRssMb ?? Number.NaN, 0),
          shapes: shapes.map((r) => ({
            ...r,
            cpuMs: round(r.cpuMs, 1),
            plainCpuMs: round(r.plainCpuMs, 1),
          })),
          markdownShapes: Object.fromEntries(
            mdShapes.map((r) => [
              r.name,
              {
                bytes: r.bytes,
                cpuMs: round(r.cpuMs, 0),
                plainCpuMs: round(r.plainCpuMs, 0),
                ratio: round(r.ratio, 1),
              },
            ]),
          ),
        }),
      );
      return;
    }
    printTable(
      [
        ["news articles (txt/md)", news, "articles"],
        ["HTML sample (Readability)", html, "articles"],
        ["1 MB concatenated", oneMb, "sentences"],
        ["10 MB concatenated", tenMb, "sentences"],
      ],
      ratio,
    );
    printShapes(shapes);
    printShapeTable(mdShapes);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
