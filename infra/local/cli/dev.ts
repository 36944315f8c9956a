/**
 * `npm run dev`: the local stack, running until Ctrl-C. Prints the endpoint and buckets (any S3 client works:
 * `aws s3 cp --endpoint-url …`), uploads what is dropped into inbox/, and prints each article as it finishes.
 * Type `redrive [stage]` + Enter to re-queue dead letters.
 */
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import {
  articleIdFromKey,
  INCOMING_PREFIX,
  OUTPUT_FILES,
  outputKey,
} from "../../../shared/contract/keys";
import type { Manifest } from "../../../shared/contract/manifest";
import { InputError } from "../../../shared/errors";
import type { StageName } from "../../../shared/pipeline/routing";
import { LOCAL_CREDENTIALS } from "../s3/client";
import { watchObjectsCreated } from "../s3/server";
import { watchInbox } from "./inbox";
import { COMMON_FLAGS, commonOptions, parseCommandLine } from "./options";
import { startHeldSession } from "./session";

const STAGES: readonly string[] = ["normalize", "summarize", "translate"];

async function main(argv: string[]): Promise<void> {
  const { values } = parseCommandLine(argv, { ...COMMON_FLAGS, inbox: { type: "string" } });
  if (values.help) {
    process.stdout.write(
      "usage: npm run dev -- [--to es,fr] [--sentences 3] [--translator apertium|aws|none] [--inbox inbox] [--data-dir .local] [--verbose]\n",
    );
    return;
  }
  const options = commonOptions(values);
  const inboxFolder = resolve((values.inbox as string | undefined) ?? "inbox");
  // Held while dev runs, so a backfill (or a second dev) on this directory refuses instead of racing it.
  const session = await startHeldSession(options, "npm run dev");
  const { stack, translation } = session;
  const say = (line: string) => process.stdout.write(`${line}\n`);

  /** Completion events seen per "key etag", to tell a re-dropped file's skip from its processing. */
  const announced = new Map<string, number>();
  stack.events.onArticleProcessed((detail) => {
    const id = `${detail.source.key} ${detail.source.etag}`;
    announced.set(id, (announced.get(id) ?? 0) + 1);
    say(
      `${detail.status === "complete" ? "✔" : "✘"} ${detail.source.key}: ${detail.status} → s3://${detail.manifest.bucket}/${detail.manifest.key}`,
    );
  });
  // The pipeline skips a version it has processed; say so, or a re-dropped file looks ignored.
  const explainIfUnchanged = async (key: string, etag: string) => {
    const before = announced.get(`${key} ${etag}`) ?? 0;
    await stack.queues.idle();
    const manifest = await stack.store.get(
      stack.buckets.results,
      outputKey(articleIdFromKey(key), OUTPUT_FILES.manifest),
    );
    const written =
      manifest && (JSON.parse(Buffer.from(manifest.body).toString("utf8")) as Manifest);
    const announcedNow = (announced.get(`${key} ${etag}`) ?? 0) > before;
    if (written && written.source.etag === etag && !announcedNow) {
      say(
        `= ${key}: already processed (same content), outputs unchanged: s3://${written.resultsBucket}/${outputKey(written.articleId, OUTPUT_FILES.manifest)}`,
      );
    }
  };

  // Every upload into incoming/, from the inbox or from any S3 client (aws s3 cp, the SDK), is explained.
  const unwatch = watchObjectsCreated(stack.endpoint, (bucket, key, etag) => {
    if (bucket !== stack.buckets.ingest || !key.startsWith(INCOMING_PREFIX)) return;
    explainIfUnchanged(key, etag).catch((error: unknown) =>
      say(`? ${key}: could not read its manifest: ${String(error)}`),
    );
  });
  const inbox = await watchInbox({
    folder: inboxFolder,
    client: stack.client,
    bucket: stack.buckets.ingest,
    onUploaded: (key) => say(`↑ ${key}`),
    onError: (file, error) =>
      say(`✘ ${file}: upload failed: ${error instanceof Error ? error.message : error}`),
  });

  const languages = translation.targetLanguages.join(", ") || "none";
  const perUpload = translation.translator
    ? " (an upload's --metadata target-languages=… replaces them)"
    : "";
  say(`local stack running (Ctrl-C to stop)
  endpoint        ${stack.endpoint}
  ingest bucket   ${stack.buckets.ingest}   (drop files under incoming/)
  results bucket  ${stack.buckets.results}
  translation     ${translation.choice}, into ${languages}${perUpload}
  inbox           ${inboxFolder}/   (files dropped here are uploaded to incoming/)
  data            ${stack.dataDirectory}/   (objects, dead-letter/, logs/, events.jsonl)
try: AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} AWS_REGION=us-east-1 \\
       aws s3 cp article.txt s3://${stack.buckets.ingest}/incoming/ --endpoint-url ${stack.endpoint}`);

  const commands = process.stdin.isTTY ? createInterface({ input: process.stdin }) : undefined;
  commands?.on("line", (line) => {
    const [command, stage] = line.trim().split(/\s+/);
    if (command !== "redrive") {
      if (command) say("commands: redrive [normalize|summarize|translate]");
      return;
    }
    if (stage && !STAGES.includes(stage)) {
      say(`redrive takes one of ${STAGES.join(", ")}`);
      return;
    }
    const count = stack.queues.redrive(stage as StageName | undefined);
    say(`re-queued ${count} dead letter(s)`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // A second Ctrl-C: the user does not want to wait for running handlers.
      process.exit(130);
    }
    stopping = true;
    say(`\n${signal}: stopping (queued messages are kept for the next run; Ctrl-C again to force)`);
    inbox.close();
    unwatch();
    commands?.close();
    await session.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof InputError ? 2 : 1;
});
