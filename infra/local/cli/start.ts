/**
 * `npm start -- <file or folder…> [--to es,fr] [--sentences 3] [--out dir] [--translator apertium|aws|none]
 * [--json]`: one-shot local run. Starts the local stack, uploads the files to incoming/ through the S3 API,
 * waits for their manifests, reports each article, copies the outputs to --out (the results bucket's layout),
 * and exits 1 if any article did not complete (2 for bad flags or files).
 *
 * `npm start -- redrive [normalize|summarize|translate]`: re-queues the dead letters and processes them.
 */
import { InputError } from "../../../shared/errors";
import type { StageName } from "../../../shared/pipeline/routing";
import { downloadOutputs, readArticleResult } from "../results";
import { runArticles } from "../run";
import { collectSourceFiles } from "./files";
import { COMMON_FLAGS, commonOptions, parseCommandLine, UsageError } from "./options";
import { ResultOutput } from "./output";
import { ProgressBar } from "./progress";
import { type ArticleReport, articleReport, formatReport } from "./report";
import { startHeldSession } from "./session";

const USAGE = `usage: npm start -- <file or folder…> [--to es,fr] [--sentences 3] [--out dir]
                  [--translator apertium|aws|none] [--json] [--data-dir .local] [--verbose]
       npm start -- redrive [normalize|summarize|translate]`;

/** Above this many articles the report is one line each (the outputs are in --out either way). */
const DETAILED_UP_TO = 10;
const STAGES: readonly StageName[] = ["normalize", "summarize", "translate"];

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    ...COMMON_FLAGS,
    out: { type: "string" },
    json: { type: "boolean" },
  });
  const stdout = new ResultOutput();
  if (values.help) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = commonOptions(values);
  if (positionals[0] === "redrive") return redrive(options, positionals.slice(1), stdout);
  if (positionals.length === 0) throw new UsageError(`no file given\n${USAGE}`);
  const files = await collectSourceFiles(positionals);
  const json = values.json === true;
  const outDir = (values.out as string | undefined) ?? "out";

  const session = await startHeldSession(options, "npm start");
  const { stack, translation } = session;
  try {
    const progress = new ProgressBar(files.length);
    const reports: ArticleReport[] = [];
    const detailed = !json && files.length <= DETAILED_UP_TO;
    const deadLetterHint = `see ${stack.queues.deadLetters.directory}/ and ${stack.logFile}, then \`npm start -- redrive\``;
    const report = async (run: Parameters<typeof articleReport>[0]) => {
      // A refused upload has no outputs to read (and its key may be one the endpoint refuses to read).
      const result = run.uploadError ? { keys: [] } : await readArticleResult(stack, run.articleId);
      const copies = run.uploadError
        ? new Map<string, string>()
        : await downloadOutputs(stack, run.articleId, result.keys, outDir);
      const entry = articleReport(run, result, copies, deadLetterHint);
      reports.push(entry);
      progress.tick(entry.status === "complete");
      if (json) stdout.line(JSON.stringify(entry), progress);
      return entry;
    };
    const pending: Promise<unknown>[] = [];
    const runs = await runArticles(stack, files, {
      onArticleDone: (run) => pending.push(report(run)),
    });
    await Promise.all(pending);
    // Articles without a manifest: their upload was refused, or their message is retrying or dead-lettered.
    for (const run of runs.filter((r) => !r.detail)) await report(run);
    progress.clear();

    const order = new Map(files.map((f, i) => [f.key, i]));
    reports.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
    if (!json) {
      const translated =
        translation.targetLanguages.length > 0
          ? `translated into ${translation.targetLanguages.join(", ")} with ${translation.choice}`
          : "no translation";
      stdout.write(`${reports.map((r) => formatReport(r, detailed)).join("\n\n")}\n\n`);
      stdout.write(`${reports.length} article(s), ${translated}; outputs in ${outDir}/\n`);
    }
    const bad = reports.filter((r) => r.status !== "complete");
    if (bad.length > 0) {
      process.stderr.write(
        `error: ${bad.length} of ${reports.length} article(s) did not complete: ${bad
          .map((r) => `${r.file} (${r.status})`)
          .join(", ")}\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    await session.close();
  }
}

async function redrive(
  options: ReturnType<typeof commonOptions>,
  args: string[],
  stdout: ResultOutput,
): Promise<number> {
  const stage = args[0] as StageName | undefined;
  if (stage !== undefined && !STAGES.includes(stage)) {
    throw new UsageError(`redrive takes a stage (${STAGES.join(", ")}), got "${stage}"`);
  }
  const session = await startHeldSession(options, "npm start -- redrive");
  const { stack } = session;
  try {
    const finished: string[] = [];
    const stop = stack.events.onArticleProcessed((d) =>
      finished.push(`${d.source.key}: ${d.status}`),
    );
    const count = stack.queues.redrive(stage);
    await stack.queues.idle();
    stop();
    const left = stack.queues.deadLetters.list(stage).length;
    stdout.write(`re-queued ${count} dead letter(s); ${finished.length} article(s) finished\n`);
    for (const line of finished) stdout.write(`  ${line}\n`);
    if (left > 0) {
      process.stderr.write(
        `error: ${left} message(s) are dead-lettered again, see ${stack.queues.deadLetters.directory}/\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    await session.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Bad flags or files (InputError) exit 2, like a usage error; anything else is a crash of the run.
    const usage = error instanceof InputError;
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
