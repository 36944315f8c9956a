/**
 * `npm run bench:e2e [-- --translator apertium|none] [--articles 200] [--json]`: dev articles through the local
 * stack (s3rver, dispatcher, the real handlers), all uploaded at once the way a user drops a folder. Latency is
 * per article, from the start of its upload to its "Article Processed" event, so it includes queueing behind
 * the others. Peak RSS is this Node process (s3rver + dispatcher + handlers); Apertium's child processes are
 * not in it. Data: ../shared/eval (cnndm_cased_dev + bbc_dev, English); without it, says so and exits 0.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SourceFile } from "../../infra/local/cli/files";
import { runArticles } from "../../infra/local/run";
import { startLocalStack } from "../../infra/local/stack";
import { chooseTranslator, type TranslatorChoice } from "../../infra/local/translators";
import { ENV } from "../../shared/pipeline/config";
import { benchArgs, positiveInteger, refuse } from "./args";

const EVAL = join(import.meta.dirname, "../../../shared/eval");
const SOURCES = ["cnndm_cased_dev.jsonl", "bbc_dev.jsonl"];

const USAGE = "npm run bench:e2e -- [--translator apertium|none] [--articles N] [--json]";
const values = benchArgs(USAGE, {
  json: { type: "boolean" },
  translator: { type: "string" },
  articles: { type: "string" },
});
const asJson = values.json === true;
const wanted = positiveInteger(USAGE, "articles", values.articles, 200);
const requested = (values.translator ?? "apertium") as TranslatorChoice;
if (!["apertium", "none"].includes(requested)) {
  refuse(USAGE, `--translator must be apertium or none, got "${requested}"`);
}

interface Row {
  id: string;
  title: string | null;
  text: string;
}

/** Half from each source, so both newswire styles are in the sample. */
function loadArticles(count: number): Row[] {
  const perSource = Math.ceil(count / SOURCES.length);
  const rows = SOURCES.flatMap((file) =>
    readFileSync(join(EVAL, file), "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .slice(0, perSource)
      .map((line) => JSON.parse(line) as Row),
  );
  return rows.slice(0, count);
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function main(): Promise<void> {
  if (!SOURCES.every((f) => existsSync(join(EVAL, f)))) {
    const message = `bench:e2e: the dev data (${EVAL}) is absent here; nothing measured.`;
    process.stderr.write(`${message}\n`);
    if (asJson) {
      const empty = {
        articles: 0,
        p50Ms: null,
        p95Ms: null,
        articlesPerSec: null,
        peakRssMb: null,
        translator: requested,
      };
      process.stdout.write(`${JSON.stringify(empty)}\n`);
    }
    return;
  }
  const chosen = await chooseTranslator({
    ...(requested === "none" ? { requested } : {}),
    targetLanguages: ["es"],
    settings: { profanity: false, brevity: false, terminologyNames: [] },
  });
  if (chosen.notice) process.stderr.write(`notice: ${chosen.notice}\n`);

  const workDir = await mkdtemp(join(tmpdir(), "bench-e2e-"));
  const rows = loadArticles(wanted);
  const files: SourceFile[] = [];
  for (const row of rows) {
    const path = join(workDir, `${row.id}.txt`);
    await writeFile(path, row.title ? `${row.title}\n\n${row.text}\n` : `${row.text}\n`);
    files.push({ display: row.id, path, key: `incoming/bench/${row.id}.txt` });
  }
  const stack = await startLocalStack({
    dataDirectory: join(workDir, "data"),
    settings: { [ENV.targetLanguages]: chosen.targetLanguages.join(",") },
    ...(chosen.translator ? { translator: chosen.translator } : {}),
  });
  let runs: Awaited<ReturnType<typeof runArticles>>;
  const started = performance.now();
  try {
    runs = await runArticles(stack, files, { uploadConcurrency: 8 });
  } finally {
    await stack.close();
  }
  const seconds = (performance.now() - started) / 1000;
  await rm(workDir, { recursive: true, force: true });

  const latencies = runs
    .filter((r) => r.finishedAt !== undefined)
    .map((r) => (r.finishedAt as number) - r.uploadStartedAt)
    .sort((a, b) => a - b);
  const notComplete = runs.filter((r) => r.detail?.status !== "complete");
  const result = {
    articles: runs.length,
    p50Ms: Math.round(percentile(latencies, 50)),
    p95Ms: Math.round(percentile(latencies, 95)),
    articlesPerSec: Number((runs.length / seconds).toFixed(2)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    translator: chosen.choice,
  };
  if (notComplete.length > 0) {
    process.stderr.write(
      `bench:e2e: ${notComplete.length} article(s) did not complete: ${notComplete
        .slice(0, 5)
        .map((r) => `${r.file.display} (${r.detail?.status ?? "no manifest"})`)
        .join(", ")}\n`,
    );
  }
  if (asJson) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const into = chosen.targetLanguages.length ? ` → ${chosen.targetLanguages.join(", ")}` : "";
  process.stdout.write(
    `e2e through the local stack: ${runs.length} dev articles (${SOURCES.join(" + ")}), translator ${chosen.choice}${into}, all uploaded at once\n\n` +
      "| articles | p50 ms | p95 ms | articles/s | peak RSS MB | translator | not complete |\n" +
      "|---:|---:|---:|---:|---:|---|---:|\n" +
      `| ${result.articles} | ${result.p50Ms} | ${result.p95Ms} | ${result.articlesPerSec} | ${result.peakRssMb} | ${result.translator} | ${notComplete.length} |\n`,
  );
}

await main();
