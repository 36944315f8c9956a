/**
 * One fresh process's first pass over one dev file, as `npm run summarize` does it (rows parsed, normalized,
 * summarized, output rows serialized), start-up excluded: the modules are loaded before the clock starts.
 * In the same process and on the same rows, the floor: read the rows, JSON.parse them, split every word with
 * one regex. Run by summary.bench.ts: `node <tsx> summary-cold.ts <dev file> <sentences>`; prints one JSON line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseRow, summarizeRow } from "../../shared/cli/summarize-rows";
import { EVAL_DIR } from "./summary-data";

export interface ColdPass {
  rows: number;
  floorSeconds: number;
  coldSeconds: number;
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

const [file = "", sentences = "3"] = process.argv.slice(2);
const path = join(EVAL_DIR, file);

// The project's pass first, so that nothing it runs has been warmed by the floor.
let started = performance.now();
coldPass(path, Number(sentences));
const coldSeconds = (performance.now() - started) / 1000;
started = performance.now();
const floor = floorPass(path);
const floorSeconds = (performance.now() - started) / 1000;

const result: ColdPass = { rows: floor.rows, floorSeconds, coldSeconds };
console.log(JSON.stringify(result));
