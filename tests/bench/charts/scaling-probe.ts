/**
 * One point of the scaling curve, in a fresh process so peak RSS belongs to this input size alone:
 * `tsx scaling-probe.ts <bytes>` prints one JSON line with the time of each in-process stage and the memory.
 * Translation uses an in-memory echo engine: the curve is about the pipeline's own code (alignment, report),
 * not about a translation service's latency.
 */

import { normalizeArticle } from "../../../shared/normalize";
import { renderReport } from "../../../shared/report";
import { summarizeArticle } from "../../../shared/summarize";
import { type Translator, translateArticle } from "../../../shared/translate";
import { articleOfSize, loadCorpus } from "./corpus";

const echo: Translator = {
  engine: "amazon-translate",
  settings: { benchmark: "in-memory echo" },
  async translateTexts(request) {
    const charactersBilled = request.texts.reduce((n, t) => n + t.length, 0);
    return { texts: [...request.texts], charactersBilled, requests: 1 };
  },
};

async function runOnce(bytes: Uint8Array) {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    timings[stage] = performance.now() - start;
    return result;
  };
  const article = await time("normalize", () =>
    normalizeArticle({ bytes, fileName: "probe.txt", maxBytes: Number.MAX_SAFE_INTEGER }),
  );
  const summary = await time("summarize", () => summarizeArticle(article));
  const translation = await time("translate", () =>
    translateArticle({ article, summary, targetLanguage: "es", translator: echo }),
  );
  await time("report", () => renderReport({ article, summary, translations: [translation] }));
  return { timings, sentences: article.sentences.length };
}

const target = Number(process.argv[2]);
if (!Number.isFinite(target) || target <= 0) {
  console.error("usage: scaling-probe.ts <bytes>");
  process.exit(2);
}
const corpus = loadCorpus();
const bytes = new TextEncoder().encode(articleOfSize(corpus, target));
// A small warm-up run so the first measured run is not mostly JIT compilation.
await runOnce(new TextEncoder().encode(articleOfSize(corpus, 4_000)));
const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
// Repeat small inputs so their times are medians rather than single noisy samples.
const repeats = bytes.length < 200_000 ? 5 : bytes.length < 1_100_000 ? 3 : 1;
const runs: Awaited<ReturnType<typeof runOnce>>[] = [];
for (let i = 0; i < repeats; i++) runs.push(await runOnce(bytes));
const median = (values: number[]) =>
  values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const stages = Object.keys(runs[0]?.timings ?? {});
const stageMs = Object.fromEntries(
  stages.map((s) => [s, median(runs.map((r) => r.timings[s] ?? 0))]),
);
console.log(
  JSON.stringify({
    bytes: bytes.length,
    sentences: runs[0]?.sentences ?? 0,
    repeats,
    stageMs,
    totalMs: median(runs.map((r) => Object.values(r.timings).reduce((a, b) => a + b, 0))),
    baselineRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    corpus: corpus.source,
  }),
);
