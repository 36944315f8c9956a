/**
 * A backfill of the local stack's data directory. It takes the directory's lock first: while `npm run dev`
 * holds it, the queues live in dev's memory and no other process can hand it messages, so the backfill
 * refuses and says how to go on. Otherwise it starts the stack as `npm start` does, queues each object's
 * notification on the local normalize queue, and waits until every article is processed.
 */
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import { type CommonOptions, UsageError } from "../local/cli/options";
import { ProgressBar } from "../local/cli/progress";
import { startSession } from "../local/cli/session";
import { acquireDataLock, type LockHolder } from "../local/data-lock";
import { createLocalS3Client, LOCAL_REGION } from "../local/s3/client";
import { DEFAULT_LOCAL_BUCKETS, startS3Server } from "../local/s3/server";
import { localS3Directory } from "../local/stack";
import { estimateTranslation } from "./estimate";
import { type Io, planProgress } from "./io";
import { backfillMessage } from "./messages";
import type { BackfillRequest } from "./options";
import { type Plan, planBackfill } from "./plan";
import { formatNothingToSend, formatPlan, formatTranslateEstimate } from "./report";
import { type ListFilter, listingPrefix, normalizePrefix } from "./sources";

export const BACKFILL_COMMAND = "npm run backfill -- --local";

function refusal(dataDirectory: string, holder: LockHolder): string {
  const at = holder.endpoint ? ` at ${holder.endpoint}` : "";
  return (
    `${dataDirectory} is in use by ${holder.command} (pid ${holder.pid}${at}). Its queues live in that process, ` +
    "so a backfill cannot hand it messages. Stop it (Ctrl-C) and run the backfill again: it then processes " +
    "everything before it exits. (A running dev processes new uploads only: aws s3 cp <file> " +
    `s3://${DEFAULT_LOCAL_BUCKETS.ingest}/incoming/ --endpoint-url ${holder.endpoint ?? "<its endpoint>"}.)`
  );
}

export async function backfillLocally(
  request: BackfillRequest,
  options: CommonOptions,
  io: Io,
): Promise<number> {
  const lock = acquireDataLock(options.dataDirectory, BACKFILL_COMMAND, (holder) =>
    refusal(options.dataDirectory, holder),
  );
  try {
    if (request.bucket !== DEFAULT_LOCAL_BUCKETS.ingest) {
      throw new UsageError(
        `--bucket ${request.bucket}: the local stack's ingest bucket is ${DEFAULT_LOCAL_BUCKETS.ingest}`,
      );
    }
    // The local stack always starts normalize under the routing table's prefix.
    const ingest = { prefix: normalizePrefix(), from: "the local stack's ingest prefix" };
    const listing: Listing = {
      ...request,
      prefix: listingPrefix(request.prefix, ingest),
      ingestPrefix: ingest.prefix,
    };
    return listing.dryRun ? await dryRun(listing, options, io) : await run(listing, options, io);
  } finally {
    lock.release();
  }
}

/** What a local run lists: --prefix resolved, and the ingest prefix it is under. */
type Listing = BackfillRequest & Pick<ListFilter, "prefix" | "ingestPrefix">;

function say(plan: Plan, request: Listing, io: Io): void {
  io.out(formatPlan(plan, `s3://${request.bucket}/${request.prefix} (local)`));
  if (plan.toSend.length === 0) io.out(formatNothingToSend(plan));
}

/** Only s3rver: listing and HEADs, and no queue consumer that would deliver what a previous run left queued. */
async function dryRun(request: Listing, options: CommonOptions, io: Io): Promise<number> {
  const server = await startS3Server({
    directory: localS3Directory(options.dataDirectory),
    onEvent: () => {},
  });
  const client = createLocalS3Client(server.endpoint);
  const store = new S3ObjectStore(client);
  try {
    const plan = await planBackfill({
      client,
      store,
      resultsBucket: server.buckets.results,
      ...request,
      ...planProgress(io),
    });
    say(plan, request, io);
    const estimate = await estimateTranslation(
      plan.toSend,
      store,
      request.bucket,
      options.targetLanguages,
    );
    io.out(
      formatTranslateEstimate(
        estimate,
        options.targetsGiven ? "--to" : "the local default; --to to change",
      ),
    );
    io.out("dry run: nothing queued");
    return 0;
  } finally {
    client.destroy();
    await server.close();
  }
}

async function run(request: Listing, options: CommonOptions, io: Io): Promise<number> {
  const { stack } = await startSession(options);
  try {
    const plan = await planBackfill({
      client: stack.client,
      store: stack.store,
      resultsBucket: stack.buckets.results,
      ...request,
      ...planProgress(io),
    });
    say(plan, request, io);
    if (plan.toSend.length === 0) return 0;

    // By key and version: an event for another version of the key is not this run's answer.
    const waiting = new Map(plan.toSend.map((s) => [`${s.etag} ${s.key}`, s.key]));
    const bar = new ProgressBar(waiting.size, io.progress);
    const outcomes = { complete: 0, failed: [] as string[] };
    const stop = stack.events.onArticleProcessed((detail) => {
      if (!waiting.delete(`${detail.source.etag} ${detail.source.key}`)) return;
      if (detail.status === "complete") outcomes.complete += 1;
      else outcomes.failed.push(`${detail.source.key} (${detail.status})`);
      bar.tick(detail.status === "complete");
    });
    for (const source of plan.toSend) {
      stack.queues.send("normalize", backfillMessage(request.bucket, source, LOCAL_REGION).body);
    }
    await stack.queues.idle();
    stop();
    bar.clear();

    io.out(
      `processed ${plan.toSend.length.toLocaleString("en-US")} article(s): ${outcomes.complete} complete, ${outcomes.failed.length} failed, ${waiting.size} without a manifest`,
    );
    if (outcomes.failed.length > 0) io.err(`error: failed: ${outcomes.failed.join(", ")}`);
    if (waiting.size > 0) {
      io.err(
        `error: no manifest for ${[...waiting.values()].join(", ")}: see ${stack.queues.deadLetters.directory}/ and ${stack.logFile}, then \`npm start -- redrive\``,
      );
    }
    return outcomes.failed.length > 0 || waiting.size > 0 ? 1 : 0;
  } finally {
    await stack.close();
  }
}
