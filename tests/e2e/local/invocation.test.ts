import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context, SQSEvent } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localContext } from "../../../functions/common/sqs-handler";
import { DeadLetterFolder } from "../../../infra/local/dispatcher/dead-letter";
import { fenced, InvocationAbandonedError } from "../../../infra/local/dispatcher/invocation";
import { LocalQueue, type QueueHandler } from "../../../infra/local/dispatcher/local-queue";
import { type QueuePolicy, routeOf } from "../../../shared/pipeline/routing";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "invocation-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A started queue on `policy` and a promise of the moment it has nothing left in flight. */
function startQueue(handler: QueueHandler, policy: QueuePolicy, timeoutMs?: number) {
  const deadLetters = new DeadLetterFolder(join(dir, "dead-letter"));
  let drainedNow: () => void = () => {};
  const drained = new Promise<void>((resolve) => {
    drainedNow = resolve;
  });
  const queue = new LocalQueue({
    stage: "translate",
    policy,
    deadLetters,
    spillDirectory: join(dir, "spill"),
    retryDelayMs: () => 1,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    onChange: () => {
      if (queue.inFlight === 0) drainedNow();
    },
  });
  queue.start(handler);
  return { queue, drained, deadLetters };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("local invocations", () => {
  it("should give each invocation a context counting down from the stage's own timeout, not 60 s", async () => {
    // Prepare
    const translate = routeOf("translate").queue;
    const remaining: number[] = [];
    const { queue, drained } = startQueue(async (_event: SQSEvent, context: Context) => {
      remaining.push(context.getRemainingTimeInMillis());
      return { batchItemFailures: [] };
    }, translate);

    // Act
    queue.send("job");
    await drained;

    // Assess
    expect(remaining).toHaveLength(1);
    expect(remaining[0]).toBeGreaterThan(60_000);
    expect(remaining[0]).toBeLessThanOrEqual(translate.timeoutSeconds * 1000);
    expect(localContext("translate").getRemainingTimeInMillis()).toBeGreaterThan(60_000);
  });

  it("should redeliver an overrunning message only after the calls its abandoned run started have finished", async () => {
    // Prepare: the first run starts a slow write that outlives its 20 ms, then tries one more write.
    const log: string[] = [];
    const port = fenced({
      write: async (what: string, ms = 0) => {
        log.push(`${what} started`);
        await sleep(ms);
        log.push(`${what} finished`);
      },
    });
    let lateCall: Promise<void> | undefined;
    const { queue, drained } = startQueue(
      async (event: SQSEvent) => {
        const receive = event.Records[0]?.attributes.ApproximateReceiveCount;
        if (receive === "1") {
          await port.write("slow write", 150);
          lateCall = port.write("late write");
          await lateCall;
        } else {
          await port.write(`delivery ${receive}`);
        }
        return { batchItemFailures: [] };
      },
      { ...routeOf("translate").queue, maxReceiveCount: 3 },
      20,
    );

    // Act
    queue.send("job");
    await drained;

    // Assess: the redelivery began after the slow write ended; the late call never ran.
    expect(log).toEqual([
      "slow write started",
      "slow write finished",
      "delivery 2 started",
      "delivery 2 finished",
    ]);
    await expect(lateCall).rejects.toBeInstanceOf(InvocationAbandonedError);
  });

  it("should refuse a call made after the invocation answered, and let calls outside any invocation through", async () => {
    // Prepare: a handler that returns and leaves a write behind (Lambda would freeze it).
    const writes: string[] = [];
    const port = fenced({
      write: async (what: string) => {
        writes.push(what);
      },
    });
    let leftBehind: Promise<void> | undefined;
    const { queue, drained } = startQueue(async () => {
      leftBehind = sleep(10).then(() => port.write("after the answer"));
      return { batchItemFailures: [] };
    }, routeOf("translate").queue);

    // Act
    queue.send("job");
    await drained;
    const refused = leftBehind?.catch((error: unknown) => error);
    await port.write("from the CLI");

    // Assess
    expect(await refused).toBeInstanceOf(InvocationAbandonedError);
    expect(writes).toEqual(["from the CLI"]);
  });

  it("should say in the dead letter that an earlier delivery timed out, whatever failed last", async () => {
    // Prepare: the first delivery overruns (as a translate job abandoned with its claim held), the next one
    // fails on what the overrun left behind.
    const { queue, drained, deadLetters } = startQueue(
      async (event: SQSEvent) => {
        if (event.Records[0]?.attributes.ApproximateReceiveCount === "1") await sleep(100);
        throw new Error("claimed by another delivery");
      },
      { ...routeOf("translate").queue, maxReceiveCount: 2 },
      20,
    );

    // Act
    queue.send("job");
    await drained;

    // Assess
    expect(deadLetters.list()[0]?.letter.lastError).toBe(
      "Error: claimed by another delivery; earlier, delivery 1 timed out (20 ms)",
    );
  });
});
