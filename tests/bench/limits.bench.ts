/**
 * `npm run bench:limits [-- --json] [--max-input-bytes N] [--languages L]`: does each stage fit its Lambda
 * (shared/pipeline/resources.ts) on the largest input the deployment accepts?
 *
 * Each stage's bundle is built as the stack builds it (buildLambdaPackage: the very index.mjs and lazy/ Lambda
 * gets) and invoked in a child process held to the stage's memory and timeout (limits/capped-run.ts), against
 * a local stand-in for S3, SQS, EventBridge and Amazon Translate kept in this process (limits/fake-aws.ts).
 * Inputs: a batch of articles of exactly maxInputBytes (default: the deployment default), as .txt, .md and
 * .html in turn (limits/inputs.ts), and the largest .docx and .pdf accepted, whose text is just under it
 * (limits/documents.ts: their files are smaller; a document of maxInputBytes unpacks to more text and is refused), into as many languages as the budget accepts at that size (default). normalize gets
 * the whole batch, and each format once more alone (one invocation each: that format's row, against the
 * time one record may take, recordSeconds); summarize the articles normalize wrote; translate every language
 * of the article with the most text, one message each, the last of which writes the report and the manifest.
 *
 * Time: CPU seconds of the invocation × 1,769 ÷ memory (Lambda gives one vCPU at 1,769 MB and a share
 * below; this machine's core stands for a Lambda vCPU), plus, for translate, the Translate latency on a
 * virtual clock: each request 200–1,400 ms (uniform, seeded), at most DEFAULT_TRANSLATE_CONCURRENCY in
 * flight (limits/translate-clock.ts). The handler's remaining time runs on that same clock, so its guards
 * see what they would see on Lambda. A stage fits when no invocation passed its memory or timeout (the
 * process is killed as Lambda kills it) and no message was lost after maxReceiveCount deliveries.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SQSRecord } from "aws-lambda";
import { buildLambdaPackage, LAMBDA_NODE_OPTIONS, stageEntry } from "../../infra/aws/bundling";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import type { Manifest } from "../../shared/contract/manifest";
import {
  DEFAULT_MAX_INPUT_BYTES,
  DEFAULT_TRANSLATE_CONCURRENCY,
  LAMBDA_MB_PER_VCPU,
} from "../../shared/limits";
import { ENV } from "../../shared/pipeline/config";
import { budgetProblem, maxLanguagesFor, STAGE_RESOURCES } from "../../shared/pipeline/resources";
import { ROUTES, routeOf, type StageName } from "../../shared/pipeline/routing";
import { AMAZON_TRANSLATE_LANGUAGES } from "../../shared/translate/supported-languages";
import { s3Notification, sqsRecord } from "../functions/fake-aws";
import { benchArgs, positiveInteger } from "./args";
import { deliverAll, type StageFigures } from "./limits/deliveries";
import { bombDocuments, largestDocuments } from "./limits/documents";
import { FakeAws } from "./limits/fake-aws";
import { largestArticles } from "./limits/inputs";
import { formatRows } from "./limits/per-format";
import { TranslateClock } from "./limits/translate-clock";

const ROOT = join(import.meta.dirname, "../..");
const INGEST = "bench-ingest";
const RESULTS = "bench-results";
/**
 * Amazon Translate's target languages (all but English): the most a deployment can ask for. The widely read
 * European ones come first, in the order the README's figures were measured with (a run of N languages takes
 * the first N); the rest follow in the guide's order.
 */
const FIRST_LANGUAGES = "es fr de it pt nl pl sv da fi no ro cs hu el bg hr sk sl et".split(" ");
const LANGUAGE_POOL = [
  ...FIRST_LANGUAGES,
  ...AMAZON_TRANSLATE_LANGUAGES.filter((c) => c !== "en" && !FIRST_LANGUAGES.includes(c)),
];

const USAGE = "npm run bench:limits -- [--json] [--max-input-bytes N] [--languages L]";
const options = benchArgs(USAGE, {
  json: { type: "boolean" },
  "max-input-bytes": { type: "string" },
  languages: { type: "string" },
});
const json = options.json === true;
const maxInputBytes = positiveInteger(
  USAGE,
  "max-input-bytes",
  options["max-input-bytes"],
  DEFAULT_MAX_INPUT_BYTES,
);
const languageCount = positiveInteger(
  USAGE,
  "languages",
  options.languages,
  maxLanguagesFor(maxInputBytes),
);
/** One folder per configuration, so that two configurations can be measured at once. */
const OUT = join(ROOT, `tests/bench/results/limits/${maxInputBytes}x${languageCount}`);
const progress = (line: string) => {
  if (!json) console.error(line);
};

async function main(): Promise<void> {
  const refused = budgetProblem(maxInputBytes, languageCount, {
    maxInputBytes: "--max-input-bytes",
    targetLanguages: "--languages",
  });
  if (refused) progress(`note: synth would refuse this configuration: ${refused}`);
  const languages = LANGUAGE_POOL.slice(0, languageCount);
  if (languages.length < languageCount)
    throw new Error(`at most ${LANGUAGE_POOL.length} languages`);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const bundles = {} as Record<StageName, string>;
  for (const { stage } of ROUTES) {
    const built = await buildLambdaPackage({ entry: stageEntry(stage), outDir: join(OUT, stage) });
    bundles[stage] = built.bundleFile;
  }

  const aws = new FakeAws();
  const endpoint = await aws.start();
  const clock = new TranslateClock(DEFAULT_TRANSLATE_CONCURRENCY, 2026);
  let pushClock: (() => void) | undefined;
  aws.handlers.onTranslate = () => {
    clock.request();
    pushClock?.();
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    // As the stack sets it on every function (source maps cost memory: they are part of what is measured).
    NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
    AWS_LAMBDA_FUNCTION_NAME: "bench-limits",
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_ENDPOINT_URL_SQS: endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoint,
    AWS_ENDPOINT_URL_TRANSLATE: endpoint,
    POWERTOOLS_TRACE_ENABLED: "false",
    POWERTOOLS_LOG_LEVEL: "WARN",
    POWERTOOLS_METRICS_NAMESPACE: "Bench",
    [ENV.resultsBucket]: RESULTS,
    [ENV.targetLanguages]: languages.join(","),
    [ENV.maxInputBytes]: String(maxInputBytes),
    [ENV.translateQueueUrl]: `${endpoint}/111122223333/translate`,
    [ENV.eventBusName]: "default",
  };

  const articles = [...largestArticles(maxInputBytes), ...(await largestDocuments(maxInputBytes))];
  const normalizeRecords: SQSRecord[] = [];
  for (let i = 0; i < routeOf("normalize").queue.batchSize; i++) {
    const article = articles[i % articles.length] as (typeof articles)[number];
    const key = `incoming/${i}-${article.name}`;
    const etag = aws.putObject(INGEST, key, Buffer.from(article.body));
    const body = JSON.stringify(s3Notification(INGEST, key, etag, article.body.length));
    normalizeRecords.push(sqsRecord(`n-${i}`, body, "normalize"));
  }
  const log =
    (stage: StageName) =>
    (r: { peakRssMb: number; seconds: number; killed?: string; failureLog?: string }, n: number) =>
      progress(
        `  ${stage}: ${n} record(s), peak ${r.peakRssMb} MB, ${r.seconds.toFixed(1)} s${r.killed ? `, killed (${r.killed})` : ""}${r.failureLog ? `\n    ${r.failureLog}` : ""}`,
      );

  const stages = {} as Record<StageName, StageFigures>;
  progress(`normalize: ${normalizeRecords.length} articles of ${maxInputBytes} bytes`);
  stages.normalize = await deliverAll({
    stage: "normalize",
    bundleFile: bundles.normalize,
    records: normalizeRecords,
    env,
    workDir: OUT,
    onInvocation: log("normalize"),
  });

  const articleKeys = [...aws.objects.keys()]
    .filter((id) => id.startsWith(`${RESULTS}/`) && id.endsWith(`/${OUTPUT_FILES.article}`))
    .map((id) => id.slice(RESULTS.length + 1));
  const summarizeRecords = articleKeys.map((key, i) => {
    const stored = aws.object(RESULTS, key);
    const body = JSON.stringify(
      s3Notification(RESULTS, key, stored?.etag ?? "", stored?.body.length ?? 0),
    );
    return sqsRecord(`s-${i}`, body, "summarize");
  });
  progress(`summarize: ${summarizeRecords.length} articles`);
  stages.summarize = await deliverAll({
    stage: "summarize",
    bundleFile: bundles.summarize,
    records: summarizeRecords,
    env,
    workDir: OUT,
    onInvocation: log("summarize"),
  });

  // The article with the most text: what the translations and the report are sized by.
  const characters = (id: string) => {
    const written = aws.object(RESULTS, outputKey(id, OUTPUT_FILES.article));
    return Number(JSON.parse(written?.body.toString() ?? "{}").stats?.characters ?? 0);
  };
  const sources = articles.map((a, i) => ({
    name: a.name,
    id: articleIdFromKey(`incoming/${i}-${a.name}`),
  }));
  const most = sources.reduce((a, b) => (characters(b.id) > characters(a.id) ? b : a));
  const translatedId = most.id;
  const jobs = aws.sentMessages.filter((m) => JSON.parse(m.body).articleId === translatedId);
  progress(
    `translate: ${jobs.length} languages of ${most.name} (${characters(translatedId)} characters)`,
  );
  stages.translate = await deliverAll({
    stage: "translate",
    bundleFile: bundles.translate,
    records: jobs.map((m, i) => sqsRecord(`t-${i}`, m.body, "translate")),
    env,
    workDir: OUT,
    virtualWaitMs: () => clock.elapsedMs,
    beforeInvocation: () => clock.reset(),
    onClock: (push) => {
      pushClock = push;
    },
    onInvocation: log("translate"),
  });
  progress(`normalize, each format alone: ${articles.map((a) => a.name).join(", ")}`);
  const formats = await formatRows({
    aws,
    bucket: INGEST,
    resultsBucket: RESULTS,
    // And the .docx and .pdf of maxInputBytes, whose text is over it, and two document bombs: refused, with
    // their figures.
    articles: [
      ...articles,
      ...(await largestDocuments(maxInputBytes, { oversized: true })),
      ...(await bombDocuments(maxInputBytes)),
    ],
    bundleFile: bundles.normalize,
    env,
    workDir: OUT,
  });
  await aws.stop();

  const manifestObject = aws.object(RESULTS, outputKey(translatedId, OUTPUT_FILES.manifest));
  const manifest = manifestObject
    ? (JSON.parse(manifestObject.body.toString()) as Manifest)
    : undefined;
  const report = aws.object(RESULTS, outputKey(translatedId, OUTPUT_FILES.report));
  const allFit =
    Object.values(stages).every((s) => s.fits) &&
    formats.every((f) => f.fits) &&
    manifest?.status === "complete" &&
    !refused;
  const result = {
    maxInputBytes,
    languages: languageCount,
    stages,
    formats,
    translated: most.name,
    manifest: manifest?.status ?? "missing",
    reportBytes: report?.body.length ?? 0,
    allFit,
  };
  // Also kept on disk, so that a table run leaves the JSON behind (tests/bench/results is not committed).
  writeFileSync(join(OUT, "limits.json"), `${JSON.stringify(result)}\n`);
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(
    `\nLargest accepted input: ${maxInputBytes} bytes × ${languageCount} languages (${articles.map((a) => a.name.slice(a.name.lastIndexOf("."))).join("/")} batch of ${normalizeRecords.length}); CPU scaled by ${LAMBDA_MB_PER_VCPU} MB ÷ memory; Translate 200–1,400 ms per request, ${DEFAULT_TRANSLATE_CONCURRENCY} in flight, virtual clock\n`,
  );
  console.log(
    "| stage | peak RSS MB | memory MB | CPU s (scaled) | time s | timeout s | invocations | max deliveries | lost | fits |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const [name, s] of Object.entries(stages)) {
    console.log(
      `| ${name} | ${s.peakRssMb} | ${s.memoryMb} | ${s.cpuSeconds} | ${s.seconds} | ${s.timeoutSeconds} | ${s.invocations} | ${s.deliveries} | ${s.recordsLost} | ${s.fits ? "yes" : `NO ${s.killed.join("; ")}`} |`,
    );
  }
  console.log(
    `\nnormalize, each format alone (one invocation; fits: peak ≤ ${STAGE_RESOURCES.normalize.memoryMb} MB and time ≤ recordSeconds)\n`,
  );
  console.log(
    "| file | bytes | text characters | peak RSS MB | CPU s (scaled) | recordSeconds | fits |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---|");
  for (const f of formats) {
    console.log(
      `| ${f.file} | ${f.bytes} | ${f.textCharacters} | ${f.peakRssMb} | ${f.seconds} | ${f.recordSeconds} | ${f.fits ? "yes" : "NO"}${f.error ? ` (${f.error})` : ""} |`,
    );
  }
  console.log(
    `\nTranslated: ${most.name}, ${characters(translatedId)} characters: manifest ${result.manifest}, report.html ${result.reportBytes} bytes. allFit: ${allFit}`,
  );
}

await main();
