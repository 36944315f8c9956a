/**
 * One fresh process's first pass over one dev file, as `npm run summarize` does it (rows parsed, normalized,
 * summarized, output rows serialized), start-up excluded: the modules are loaded before the clock starts.
 * In the same process and on the same rows, the floor: read the rows, JSON.parse them, split every word with
 * one regex. Built by summary-speed.ts as the CLIs are built and run on plain Node:
 * `node <built summary-cold.mjs> <path of a dev file> <sentences>`; prints one JSON line.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseRow, summarizeRow } from "../../shared/cli/summarize-rows";

export interface ColdPass {
  rows: number;
  floorSeconds: number;
  coldSeconds: number;
  /** CPU time (user + system) of the same passes: what a shared, loaded machine does not inflate. */
  floorCpuSeconds: number;
  coldCpuSeconds: number;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function lines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.length > 0);
}

/** The least any summarizer must do: read every row and every word. The word count is returned so it is not optimized away. */
function floorPass(path: string): { rows: number; words: number } {
  let words = 0;
  const rows = lines(path);
  for (const line of rows) {
    const row = JSON.parse(line) as { text: string };
    words += row.text.split(/\s+/).length;
  }
  return { rows: rows.length, words };
}

function coldPass(path: string, sentences: number): number {
  let bytes = 0;
  for (const [i, line] of lines(path).entries()) {
    const row = parseRow(line, `${path}:${i + 1}`);
    const summary = summarizeRow(row, { mode: "sentences", value: sentences });
    bytes += JSON.stringify({ id: row.id, summary: summary.text }).length;
  }
  return bytes;
}

const [path = "", sentences = "3"] = process.argv.slice(2);

// The project's pass first, so that nothing it runs has been warmed by the floor.
let started = performance.now();
let cpuStarted = cpuSeconds();
coldPass(path, Number(sentences));
const coldSeconds = (performance.now() - started) / 1000;
const coldCpuSeconds = cpuSeconds() - cpuStarted;
// The floor's median of three: a ~50 ms pass is at the mercy of one scheduler hiccup, and it has nothing a
// first pass would warm up.
const floorTimes: number[] = [];
const floorCpuTimes: number[] = [];
let floor = { rows: 0, words: 0 };
for (let r = 0; r < 3; r++) {
  started = performance.now();
  cpuStarted = cpuSeconds();
  floor = floorPass(path);
  floorTimes.push((performance.now() - started) / 1000);
  floorCpuTimes.push(cpuSeconds() - cpuStarted);
}
const middle = (xs: number[]) => xs.sort((a, b) => a - b)[1] as number;

const result: ColdPass = {
  rows: floor.rows,
  floorSeconds: middle(floorTimes),
  coldSeconds,
  floorCpuSeconds: middle(floorCpuTimes),
  coldCpuSeconds,
};
console.log(JSON.stringify(result));
