/**
 * A stage process killed on every delivery, on the local stack with the real handlers: each delivery is ended
 * right after the stage's first store call, the way Lambda ends one on an out-of-memory kill (nothing it had
 * not done yet happens: the local ports refuse the rest, a translate claim stays held). The message is
 * dead-lettered, the dead-letter consumer records the failure, and the article ends with an error record, a
 * failed (or partial) manifest and exactly one event; the message is parked for `redrive`.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { Context, SQSEvent } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fenced } from "../../../infra/local/dispatcher/invocation";
import { type LocalStack, localHandlers, startLocalStack } from "../../../infra/local/stack";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../../shared/contract/keys";
import type {
  ArticleProcessedDetail,
  ErrorRecord,
  Manifest,
} from "../../../shared/contract/manifest";
import type { ObjectStore, Translator } from "../../../shared/pipeline/ports";
import { routeOf, type StageName } from "../../../shared/pipeline/routing";

const SAMPLE = readFileSync(join(import.meta.dirname, "../../fixtures/samples/harbour-strike.txt"));
const KEY = "incoming/killed.txt";
const ID = articleIdFromKey(KEY);

/** Lambda's words for a process that died without answering (out of memory, or killed at its timeout). */
const killed = () =>
  Object.assign(new Error("Runtime exited with error: signal: killed"), {
    name: "Runtime.ExitError",
  });

/** Never called: translate is killed before it sends anything. */
const unusedTranslator: Translator = {
  engine: "apertium",
  settings: {},
  translateTexts: () => Promise.reject(new Error("translate should have been killed first")),
};

let dir: string;
let stack: LocalStack | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "killed-"));
});

afterEach(async () => {
  await stack?.close();
  stack = undefined;
  await rm(dir, { recursive: true, force: true });
});

/**
 * The local stack with `stage` killed on each delivery right after its first store call of `kind` has been
 * answered: the invocation ends there, and the stage's later calls are refused by the local ports.
 */
async function stackKilling(
  stage: StageName,
  kind: keyof ObjectStore,
  targetLanguages = "",
): Promise<{
  stack: LocalStack;
  events: ArticleProcessedDetail[];
  deliveries: () => number;
  /** The cause is fixed: deliveries from now on run to their end. */
  fix: () => void;
}> {
  let kill: (() => void) | undefined;
  let deliveries = 0;
  let broken = true;
  const killing = (store: ObjectStore): ObjectStore =>
    Object.assign(Object.create(store) as ObjectStore, {
      [kind]: async (...args: unknown[]) => {
        const answer = await (store[kind] as (...a: unknown[]) => Promise<unknown>)(...args);
        const end = kill;
        kill = undefined;
        // The answer reaches the stage only after its invocation has ended, as it would a dead process.
        if (end) end();
        if (end) await new Promise((resolve) => setTimeout(resolve, 50));
        return answer;
      },
    });
  const started = await startLocalStack({
    dataDirectory: dir,
    settings: { TARGET_LANGUAGES: targetLanguages },
    translator: unusedTranslator,
    // A timeout short enough that a delivery finding the dead one's claim held gives up at once instead of
    // waiting for it (translate-turn.ts), long enough for the sample's stages on a loaded machine.
    queue: { retryDelayMs: () => 5, timeoutMs: 20_000 },
    handlers: (ports) => {
      const real = localHandlers({ ...ports, store: fenced(killing(ports.store)) });
      return {
        [stage]: (event: SQSEvent, context: Context) =>
          new Promise((resolve, reject) => {
            deliveries += 1;
            if (broken) kill = () => reject(killed());
            real[stage](event, context).then(resolve, reject);
          }),
      };
    },
  });
  const events: ArticleProcessedDetail[] = [];
  started.events.onArticleProcessed((detail) => events.push(detail));
  stack = started;
  return {
    stack: started,
    events,
    deliveries: () => deliveries,
    fix: () => {
      broken = false;
    },
  };
}

async function json<T>(local: LocalStack, file: string): Promise<T> {
  const stored = await local.store.get(local.buckets.results, outputKey(ID, file));
  if (!stored) throw new Error(`no ${file}`);
  return JSON.parse(Buffer.from(stored.body).toString("utf8")) as T;
}

async function upload(local: LocalStack): Promise<void> {
  await local.client.send(
    new PutObjectCommand({ Bucket: local.buckets.ingest, Key: KEY, Body: SAMPLE }),
  );
  await local.queues.idle();
}

describe("a stage process killed on every delivery", () => {
  it.each([
    ["normalize", "head"],
    ["summarize", "get"],
  ] as const)(
    "should end the article killed in %s with a failed manifest and one event",
    async (stage, kind) => {
      // Prepare
      const run = await stackKilling(stage, kind);
      // Act
      await upload(run.stack);
      // Assess
      expect(run.deliveries()).toBe(routeOf(stage).queue.maxReceiveCount);
      expect((await json<Manifest>(run.stack, OUTPUT_FILES.manifest)).status).toBe("failed");
      expect(await json<ErrorRecord>(run.stack, OUTPUT_FILES.error)).toMatchObject({
        stage,
        errorType: "DeliveriesExhaustedError",
      });
      expect(run.events.map((e) => e.status)).toEqual(["failed"]);
      const parked = run.stack.queues.deadLetters.list(stage);
      expect(parked.map((p) => p.letter.recorded)).toEqual([`${ID}: recorded`]);
      expect(parked[0]?.letter.lastError).toContain("Runtime.ExitError");
    },
    60_000,
  );

  it("should end the article killed in translate, its claim taken, with a manifest that fails the language and one event", async () => {
    // Prepare: killed right after taking its claim (the first conditional write), which stays held.
    const run = await stackKilling("translate", "putConditional", "es");
    // Act
    await upload(run.stack);
    // Assess
    expect(run.deliveries()).toBe(routeOf("translate").queue.maxReceiveCount);
    const manifest = await json<Manifest>(run.stack, OUTPUT_FILES.manifest);
    expect(manifest.status).toBe("partial");
    expect(manifest.languages.es).toMatchObject({
      status: "failed",
      error: { type: "DeliveriesExhaustedError" },
    });
    expect(run.events.map((e) => e.status)).toEqual(["partial"]);
    expect(run.stack.queues.deadLetters.list("translate")).toHaveLength(1);
  }, 60_000);

  it("should leave the recorded article alone on redrive once fixed: no second manifest or event", async () => {
    // Prepare
    const run = await stackKilling("normalize", "head");
    await upload(run.stack);
    run.fix();
    const before = await run.stack.store.head(
      run.stack.buckets.results,
      outputKey(ID, OUTPUT_FILES.manifest),
    );
    // Act
    const redriven = run.stack.queues.redrive("normalize");
    await run.stack.queues.idle();
    // Assess: the redriven delivery finds the version recorded and skips
    expect(redriven).toBe(1);
    const after = await run.stack.store.head(
      run.stack.buckets.results,
      outputKey(ID, OUTPUT_FILES.manifest),
    );
    expect(after?.etag).toBe(before?.etag);
    expect(run.events).toHaveLength(1);
    expect(run.stack.queues.deadLetters.list()).toEqual([]);
  }, 60_000);
});
