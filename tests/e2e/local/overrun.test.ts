/**
 * A stage that overruns its timeout, on the local stack with the real handlers: abandoned and redelivered as
 * on Lambda, never running beside its redelivery, and the article announced once.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { Context, SQSEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fenced } from "../../../infra/local/dispatcher/invocation";
import { localHandlers, startLocalStack } from "../../../infra/local/stack";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../../shared/contract/keys";
import type { ArticleProcessedDetail, Manifest } from "../../../shared/contract/manifest";
import type { ObjectStore } from "../../../shared/pipeline/ports";

const SAMPLE = readFileSync(join(import.meta.dirname, "../../fixtures/samples/harbour-strike.txt"));
const KEY = "incoming/overrun.txt";
const MANIFEST = outputKey(articleIdFromKey(KEY), OUTPUT_FILES.manifest);
/** Generous, so a loaded machine never times out the runs that are not meant to. */
const TIMEOUT_MS = 8000;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "overrun-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("an invocation that overruns its timeout", () => {
  it("should be redelivered only after its last write was answered, and the article announced once", async () => {
    // Prepare: summarize's first delivery (it writes the manifest: no target language) gets S3's answer to
    // its manifest write only after its deadline, as when a PUT is slow; the wait is inside the fence, so the
    // write counts as in flight until the answer comes.
    const log: string[] = [];
    let firstSummarize: Context | undefined;
    const slowToAnswer = (store: ObjectStore): ObjectStore =>
      Object.assign(Object.create(store) as ObjectStore, {
        putConditional: async (...args: Parameters<ObjectStore["putConditional"]>) => {
          const deadline = args[1] === MANIFEST ? firstSummarize : undefined;
          const written = await store.putConditional(...args);
          if (deadline) {
            firstSummarize = undefined;
            await new Promise((r) => setTimeout(r, deadline.getRemainingTimeInMillis() + 300));
            log.push("late manifest write answered");
          }
          return written;
        },
      });
    const stack = await startLocalStack({
      dataDirectory: dir,
      queue: { retryDelayMs: () => 5, timeoutMs: TIMEOUT_MS },
      handlers: (ports) => {
        const real = localHandlers({ ...ports, store: fenced(slowToAnswer(ports.store)) });
        return {
          summarize: async (event: SQSEvent, context: Context) => {
            const receive = event.Records[0]?.attributes.ApproximateReceiveCount;
            log.push(`summarize delivery ${receive}`);
            if (receive === "1") firstSummarize = context;
            return real.summarize(event, context);
          },
        };
      },
    });
    const events: ArticleProcessedDetail[] = [];
    stack.events.onArticleProcessed((detail) => events.push(detail));

    try {
      // Act
      await stack.client.send(
        new PutObjectCommand({ Bucket: stack.buckets.ingest, Key: KEY, Body: SAMPLE }),
      );
      await stack.queues.idle();

      // Assess
      expect(log).toEqual([
        "summarize delivery 1",
        "late manifest write answered",
        "summarize delivery 2",
      ]);
      expect(events.map((e) => e.status)).toEqual(["complete"]);
      const manifest = await stack.store.get(stack.buckets.results, MANIFEST);
      expect((JSON.parse(Buffer.from(manifest?.body ?? []).toString()) as Manifest).status).toBe(
        "complete",
      );
      expect(stack.queues.deadLetters.list()).toEqual([]);
      expect(readFileSync(stack.logFile, "utf8")).toContain("InvocationAbandonedError");
    } finally {
      await stack.close();
    }
  }, 60_000);
});
