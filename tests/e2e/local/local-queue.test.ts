import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SQSEvent } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeadLetterFolder } from "../../../infra/local/dispatcher/dead-letter";
import { LocalQueue, type QueueHandler } from "../../../infra/local/dispatcher/local-queue";
import type { QueuePolicy } from "../../../shared/pipeline/routing";

const POLICY: QueuePolicy = {
  maxReceiveCount: 3,
  batchSize: 2,
  visibilityTimeoutSeconds: 60,
  timeoutSeconds: 10,
};

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "local-queue-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function makeQueue(
  handler: QueueHandler,
  extra: { maxInMemory?: number; concurrency?: number; started?: boolean } = {},
) {
  const { started = true, ...queueOptions } = extra;
  let changes: (() => void)[] = [];
  const deadLetters = new DeadLetterFolder(join(dir, "dead-letter"));
  const queue = new LocalQueue({
    stage: "translate",
    policy: POLICY,
    deadLetters,
    spillDirectory: join(dir, "spill"),
    retryDelayMs: () => 1,
    onChange: () => {
      if (queue.inFlight !== 0) return;
      const waiting = changes;
      changes = [];
      for (const resolve of waiting) resolve();
    },
    ...queueOptions,
  });
  if (started) queue.start(handler);
  const drained = () =>
    queue.inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => changes.push(r));
  return { queue, deadLetters, drained };
}

describe("LocalQueue", () => {
  it("should retry a failing message up to maxReceiveCount, then write it to the dead-letter folder", async () => {
    // Prepare
    const receiveCounts: string[] = [];
    const { queue, deadLetters, drained } = makeQueue(async (event: SQSEvent) => {
      for (const r of event.Records) receiveCounts.push(r.attributes.ApproximateReceiveCount);
      throw new Error("boom");
    });

    // Act
    const id = queue.send('{"job":1}');
    await drained();

    // Assess
    expect(receiveCounts).toEqual(["1", "2", "3"]);
    const letters = deadLetters.list("translate");
    expect(letters).toHaveLength(1);
    expect(letters[0]?.letter).toMatchObject({
      messageId: id,
      body: '{"job":1}',
      receiveCount: 3,
      lastError: "Error: boom",
    });
  });

  it("should retry only the messages named in batchItemFailures", async () => {
    // Prepare
    const seen: string[] = [];
    const { queue, deadLetters, drained } = makeQueue(
      async (event: SQSEvent) => {
        for (const r of event.Records) seen.push(r.body);
        return {
          batchItemFailures: event.Records.filter((r) => r.body === "bad").map((r) => ({
            itemIdentifier: r.messageId,
          })),
        };
      },
      { concurrency: 1 },
    );

    // Act
    queue.send("good");
    queue.send("bad");
    await drained();

    // Assess
    expect(seen.filter((b) => b === "good")).toHaveLength(1);
    expect(seen.filter((b) => b === "bad")).toHaveLength(3);
    expect(deadLetters.list().map((l) => l.letter.body)).toEqual(["bad"]);
  });

  it("should fail the whole batch when a reported identifier is not in the batch", async () => {
    // Prepare
    let deliveries = 0;
    const { queue, deadLetters, drained } = makeQueue(
      async (event: SQSEvent) => {
        deliveries += event.Records.length;
        return { batchItemFailures: [{ itemIdentifier: "not-a-message-of-this-batch" }] };
      },
      { concurrency: 1 },
    );

    // Act
    queue.send("a");
    queue.send("b");
    await drained();

    // Assess
    expect(deliveries).toBe(6);
    expect(deadLetters.list()).toHaveLength(2);
  });

  it("should hand out batches of at most batchSize with at most `concurrency` invocations at once", async () => {
    // Prepare
    let running = 0;
    let maxRunning = 0;
    const sizes: number[] = [];
    const { queue, drained } = makeQueue(
      async (event: SQSEvent) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        sizes.push(event.Records.length);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        return { batchItemFailures: [] };
      },
      { concurrency: 2 },
    );

    // Act
    for (let i = 0; i < 9; i++) queue.send(String(i));
    await drained();

    // Assess
    expect(Math.max(...sizes)).toBeLessThanOrEqual(POLICY.batchSize);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(9);
    expect(maxRunning).toBeLessThanOrEqual(2);
  });

  it("should spill messages past maxInMemory to files and still deliver every one in order", async () => {
    // Prepare
    const bodies: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { queue, drained } = makeQueue(
      async (event: SQSEvent) => {
        await gate;
        for (const r of event.Records) bodies.push(r.body);
        return { batchItemFailures: [] };
      },
      { concurrency: 1, maxInMemory: 4 },
    );

    // Act
    for (let i = 0; i < 20; i++) queue.send(String(i));
    const spilledWhileBlocked = queue.spilled;
    const filesWhileBlocked = await readdir(join(dir, "spill"));
    release();
    await drained();

    // Assess
    expect(spilledWhileBlocked).toBeGreaterThan(0);
    expect(filesWhileBlocked).toHaveLength(spilledWhileBlocked);
    expect(bodies).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(await readdir(join(dir, "spill"))).toEqual([]);
  });

  it("should keep queued messages on close and deliver them from a new queue on the same folder", async () => {
    // Prepare
    let release: () => void = () => {};
    const blocked = makeQueue(
      () =>
        new Promise((r) => {
          release = () => r({ batchItemFailures: [] });
        }),
      { concurrency: 1 },
    );

    // Act
    for (let i = 0; i < 5; i++) blocked.queue.send(String(i));
    const closing = blocked.queue.close();
    release();
    await closing;
    const delivered: string[] = [];
    const consumer = async (event: SQSEvent) => {
      for (const r of event.Records) delivered.push(r.body);
      return { batchItemFailures: [] };
    };
    const next = makeQueue(consumer, { started: false });
    next.queue.start(consumer);
    await next.drained();

    // Assess: "0" was sent alone (a queue hands out what is there) and was running at close; the rest waited on disk.
    expect(delivered).toEqual(["1", "2", "3", "4"]);
  });

  it("should write dead letters as readable JSON that names the stage", async () => {
    // Prepare
    const { queue, drained } = makeQueue(async () => {
      throw new TypeError("bad shape");
    });

    // Act
    queue.send("x");
    await drained();

    // Assess
    const files = await readdir(join(dir, "dead-letter", "translate"));
    const letter = JSON.parse(
      await readFile(join(dir, "dead-letter", "translate", files[0] as string), "utf8"),
    );
    expect(letter).toMatchObject({
      stage: "translate",
      body: "x",
      lastError: "TypeError: bad shape",
    });
  });
});
