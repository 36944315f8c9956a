/**
 * `npm run bench:summary [-- --json]`: ROUGE of the summarizer on ../shared/eval/*_dev.jsonl at the lengths the
 * issue sets (CNN/DM 3, BBC 7, OrangeSum 2), next to LEAD-k over the same normalizer's body sentences, scored by
 * the same code; throughput (normalize + summarize) cold, i.e. each file's first pass in a fresh process
 * (start-up excluded; code built as the CLIs are) next to the floor measured in that process, and warm (the same rows again, in-process);
 * the CLI's start-up time; how summarize time grows from a 1 MB to a 10 MB text (linear would be 10).
 * One core: run it as `taskset -c 1 npm run bench:summary` (child processes inherit the pinning).
 * `-- --runs N` (default 3): each file's cold pass in N fresh processes, rounds interleaved across files, and the
 * median pass reported (by its time; the floor is the one measured in that same process).
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { normalizeArticle } from "../../shared/normalize";
import { bodySentences, summarizeArticle } from "../../shared/summarize";
import { benchArgs, positiveInteger } from "./args";
import { scoreRouge } from "./rouge/rouge";
import type { ColdPass } from "./summary-cold";
import { DATASETS, EVAL_DIR, evalDataAvailable, readRows, rowToArticle } from "./summary-data";
import { buildColdPass, cliStartup, coldPass, medianPass } from "./summary-speed";

const USAGE = "npm run bench:summary -- [--json] [--runs N]";
const options = benchArgs(USAGE, { json: { type: "boolean" }, runs: { type: "string" } });
const json = options.json === true;
const runs = positiveInteger(USAGE, "runs", options.runs, 3);

if (!evalDataAvailable()) {
  const message = `Dev data not found at ${EVAL_DIR} (it sits beside the repo, not in it): nothing measured.`;
  if (json) {
    // Still one object with the issue's keys; null, not a number, for what was not measured.
    console.error(message);
    console.log(
      JSON.stringify({
        datasets: {},
        articlesPerSec: null,
        articlesPerSecCold: null,
        floorRatio: null,
        ratio10MBto1MB: null,
      }),
    );
  } else {
    console.log(message);
  }
  process.exit(0);
}

interface Triple {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

function meanTriple(scores: ReturnType<typeof scoreRouge>[]): Triple {
  const n = Math.max(1, scores.length);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    rouge1: round((100 * scores.reduce((a, s) => a + s.rouge1.fmeasure, 0)) / n),
    rouge2: round((100 * scores.reduce((a, s) => a + s.rouge2.fmeasure, 0)) / n),
    rougeL: round((100 * scores.reduce((a, s) => a + s.rougeLsum.fmeasure, 0)) / n),
  };
}

// Cold passes first, before this process has done anything heavy that could slow the machine's caches.
const articlesPerSecCold: Record<string, number> = {};
const floorRatio: Record<string, number> = {};
const floorArticlesPerSec: Record<string, number> = {};
// The same figures from CPU time: on a shared, loaded machine wall time also counts waiting for a core.
const articlesPerSecColdCpu: Record<string, number> = {};
const floorRatioCpu: Record<string, number> = {};
const round2 = (x: number) => Math.round(x * 100) / 100;
// Interleaved rounds: a burst of load on a shared machine hits one round of every file, not every run of one.
const passes = new Map<string, ColdPass[]>(DATASETS.map(({ file }) => [file, []]));
const built = await buildColdPass();
try {
  for (let r = 0; r < runs; r++) {
    for (const { file, sentences } of DATASETS) {
      passes.get(file)?.push(coldPass(built.script, file, sentences));
    }
  }
} finally {
  built.remove();
}
for (const { file } of DATASETS) {
  const pass = medianPass(passes.get(file) ?? []);
  articlesPerSecCold[file] = Math.round(pass.rows / pass.coldSeconds);
  floorArticlesPerSec[file] = Math.round(pass.rows / pass.floorSeconds);
  floorRatio[file] = round2(pass.coldSeconds / pass.floorSeconds);
  articlesPerSecColdCpu[file] = Math.round(pass.rows / pass.coldCpuSeconds);
  floorRatioCpu[file] = round2(pass.coldCpuSeconds / pass.floorCpuSeconds);
}
const startup = cliStartup();

const datasets: Record<string, Triple & { lead: Triple }> = {};
for (const { file, sentences } of DATASETS) {
  const model: ReturnType<typeof scoreRouge>[] = [];
  const lead: ReturnType<typeof scoreRouge>[] = [];
  for (const row of readRows(file)) {
    const article = rowToArticle(row);
    const summary = summarizeArticle(article, { mode: "sentences", value: sentences });
    model.push(scoreRouge(row.reference, summary.text));
    const leadText = bodySentences(article)
      .slice(0, sentences)
      .map((s) => s.text)
      .join("\n");
    lead.push(scoreRouge(row.reference, leadText));
  }
  datasets[file] = { ...meanTriple(model), lead: meanTriple(lead) };
}

/** Warm articles per second for normalize + summarize over the CNN/DM and BBC news rows, after a warm-up pass. */
function throughput(): number {
  const rows = [...readRows("cnndm_cased_dev.jsonl"), ...readRows("bbc_dev.jsonl")];
  const encoded = rows.map((row) => ({
    bytes: new TextEncoder().encode(
      JSON.stringify({ title: row.title ?? undefined, text: row.text }),
    ),
    fileName: `${row.id}.json`,
  }));
  const run = () => {
    for (const input of encoded) summarizeArticle(normalizeArticle(input));
  };
  run();
  const rounds = 3;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) run();
  const seconds = (performance.now() - started) / 1000;
  return Math.round((rounds * encoded.length) / seconds);
}

/** Summarize time for a ~10 MB text over a ~1 MB one (both from dev articles, normalized beforehand). */
function scaling(): number {
  const paragraphs = readRows("cnndm_cased_dev.jsonl").flatMap((row) => row.text.split(/\n\s*\n/));
  const textOf = (bytes: number) => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const p = paragraphs[i % paragraphs.length] as string;
      parts.push(p);
      size += Buffer.byteLength(p, "utf8") + 2;
    }
    return parts.join("\n\n");
  };
  const article = (bytes: number) =>
    normalizeArticle({
      bytes: new TextEncoder().encode(textOf(bytes)),
      fileName: `scaling-${bytes}.txt`,
      maxBytes: 2 * bytes,
      languageOverride: "en",
    });
  const timeOnce = (a: ReturnType<typeof article>) => {
    const started = performance.now();
    summarizeArticle(a);
    return performance.now() - started;
  };
  const small = article(1_000_000);
  const large = article(10_000_000);
  timeOnce(small);
  // Interleaved runs and medians: other processes on a shared machine slow some runs, not one size.
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let r = 0; r < 5; r++) {
    smallTimes.push(timeOnce(small));
    largeTimes.push(timeOnce(large));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return Math.round((median(largeTimes) / median(smallTimes)) * 100) / 100;
}

/**
 * The cores the cold passes may run on (this process's CPU affinity: `taskset -c 1` gives 1). With a second
 * core, V8 compiles the hot functions there while the first pass runs; on one, the compiles share its time.
 */
const coldCores = availableParallelism();
const articlesPerSec = throughput();
const ratio10MBto1MB = scaling();

if (json) {
  console.log(
    JSON.stringify({
      datasets,
      articlesPerSec,
      articlesPerSecCold,
      floorRatio,
      floorArticlesPerSec,
      articlesPerSecColdCpu,
      floorRatioCpu,
      cliStartupSeconds: {
        npmRun: startup.viaNpm,
        direct: startup.direct,
        bareNode: startup.bareNode,
        bareNpmRun: startup.bareNpm,
      },
      ratio10MBto1MB,
      coldRuns: runs,
      coldCores,
    }),
  );
} else {
  const pad = (s: string, n: number) => s.padEnd(n);
  const fmt = (t: Triple) =>
    `${t.rouge1.toFixed(2)} / ${t.rouge2.toFixed(2)} / ${t.rougeL.toFixed(2)}`;
  console.log("ROUGE F1 ×100 (R1 / R2 / RLsum), rouge_score semantics, Porter-stemmed");
  console.log(
    `${pad("dev file", 26)}${pad("k", 4)}${pad("summarizer", 24)}${pad("LEAD-k", 24)}ΔR1`,
  );
  for (const { file, sentences } of DATASETS) {
    const d = datasets[file] as Triple & { lead: Triple };
    const delta = d.rouge1 - d.lead.rouge1;
    console.log(
      `${pad(file, 26)}${pad(String(sentences), 4)}${pad(fmt(d), 24)}${pad(fmt(d.lead), 24)}${delta >= 0 ? "+" : ""}${delta.toFixed(2)}`,
    );
  }
  console.log(
    `\nnormalize + summarize, cold: first pass in a fresh process, start-up excluded (median of ${runs} processes, ${coldCores === 1 ? "on 1 core: V8's compiles share it" : `on ${coldCores} cores: V8 compiles on a spare one`})`,
  );
  console.log(
    `${pad("dev file", 26)}${pad("articles/s", 12)}${pad("floor/s", 10)}${pad("time ÷ floor", 14)}${pad("by CPU time: articles/s", 25)}÷ floor`,
  );
  for (const { file } of DATASETS) {
    console.log(
      `${pad(file, 26)}${pad(String(articlesPerSecCold[file]), 12)}${pad(String(floorArticlesPerSec[file]), 10)}${pad(String(floorRatio[file]), 14)}${pad(String(articlesPerSecColdCpu[file]), 25)}${floorRatioCpu[file]}`,
    );
  }
  console.log(
    `normalize + summarize, warm (second pass in-process): ${articlesPerSec} articles/s (CNN/DM cased + BBC rows)`,
  );
  console.log(
    `CLI start-up, one-sentence file, median of ${startup.runs}: npm run --silent normalize ${startup.viaNpm.toFixed(2)} s; "${startup.command}" ${startup.direct.toFixed(2)} s`,
  );
  console.log(
    `  same machine, same moment: node -e 0 ${startup.bareNode.toFixed(2)} s; npm run --silent env (npm alone) ${startup.bareNpm.toFixed(2)} s`,
  );
  console.log(`summarize time, 10 MB text / 1 MB text: ${ratio10MBto1MB} (linear = 10)`);
}
