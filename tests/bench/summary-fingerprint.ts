/**
 * `tsx tests/bench/summary-fingerprint.ts <out.jsonl> [--compare <before.jsonl>]`: the summarizer's choices on
 * every dev row (body-sentence indices and exact scores, at the bench's length and at a word budget and a
 * ratio), one line per row, so that a speed change can be shown not to change any summary.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { SummaryLength } from "../../shared/contract/summary";
import { summarizeArticle } from "../../shared/summarize";
import { DATASETS, readRows, rowToArticle } from "./summary-data";

const [out, flag, before] = process.argv.slice(2);
if (!out || (flag !== undefined && (flag !== "--compare" || !before))) {
  console.error(
    "usage: tsx tests/bench/summary-fingerprint.ts <out.jsonl> [--compare <before.jsonl>]",
  );
  process.exit(2);
}

const lines: string[] = [];
for (const { file, sentences } of DATASETS) {
  const lengths: SummaryLength[] = [
    { mode: "sentences", value: sentences },
    { mode: "words", value: 60 },
    { mode: "ratio", value: 0.3 },
  ];
  for (const row of readRows(file)) {
    const article = rowToArticle(row);
    const picks = lengths.map((length) => {
      const summary = summarizeArticle(article, length);
      // Scores as exact decimal strings: any change in the arithmetic shows, not only changed choices.
      return summary.sentences.map((s) => `${s.position}:${s.score}`).join(",");
    });
    lines.push(JSON.stringify({ file, id: row.id, picks }));
  }
}
writeFileSync(out, `${lines.join("\n")}\n`);

if (before) {
  const old = readFileSync(before, "utf8").trim().split("\n");
  const picksOf = (line: string) =>
    (JSON.parse(line) as { picks: string[] }).picks.map((p) => p.replace(/:[^,]*/g, ""));
  let differentScores = 0;
  let differentPicks = 0;
  lines.forEach((line, i) => {
    if (line !== old[i]) differentScores++;
    if (JSON.stringify(picksOf(line)) !== JSON.stringify(picksOf(old[i] ?? '{"picks":[]}'))) {
      differentPicks++;
    }
  });
  console.log(
    `${lines.length} rows (${old.length} before): ${differentPicks} with different picks, ${differentScores} with any score different`,
  );
  process.exitCode = differentPicks > 0 || lines.length !== old.length ? 1 : 0;
}
