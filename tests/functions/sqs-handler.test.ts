import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { localContext, makeSqsHandler } from "../../functions/common/sqs-handler";
import { routeOf, type StageName } from "../../shared/pipeline/routing";
import { sqsRecord } from "./fake-aws";

const observability = () => ({
  logger: new Logger({ serviceName: "test", logLevel: "SILENT" }),
  metrics: new Metrics({ namespace: "Test", serviceName: "test" }),
  tracer: new Tracer({ serviceName: "test", enabled: false }),
});

function batch(stage: StageName, size: number): SQSEvent {
  return {
    Records: Array.from({ length: size }, (_, i) => sqsRecord(`m-${i}`, `{"n":${i}}`, stage)),
  };
}

/** A context whose clock the test moves: each processed record uses `msPerRecord` of the timeout. */
function contextSpending(stage: StageName, msPerRecord: number) {
  let spentMs = 0;
  const timeoutMs = routeOf(stage).queue.timeoutSeconds * 1000;
  return {
    context: { ...localContext(stage), getRemainingTimeInMillis: () => timeoutMs - spentMs },
    spend: () => {
      spentMs += msPerRecord;
    },
  };
}

describe("a batch of records", () => {
  it.each(["normalize", "summarize"] as const)(
    "should run %s's records one after the other, so one article at a time holds the memory",
    async (stage) => {
      // Prepare: each record holds a large buffer (its "article") for as long as it runs.
      const size = routeOf(stage).queue.batchSize;
      let live = 0;
      let mostLive = 0;
      const handler = makeSqsHandler(stage, observability(), async () => {
        live += 1;
        mostLive = Math.max(mostLive, live);
        const article = Buffer.alloc(1024 * 1024, 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
        live -= 1;
        if (article[0] !== 1) throw new Error("unreachable");
      });
      // Act
      const response = await handler(batch(stage, size));
      // Assess
      expect(size).toBeGreaterThan(1);
      expect(response.batchItemFailures).toEqual([]);
      expect(mostLive).toBe(1);
    },
  );

  it("should hand back the records it has no time left for, untouched, as batch item failures", async () => {
    // Prepare: each record takes the whole reserve, so after the first ones the rest cannot fit.
    const stage = "normalize";
    const { timeoutSeconds, recordSeconds, batchSize } = routeOf(stage).queue;
    const { context, spend } = contextSpending(stage, recordSeconds * 1000);
    const processed: string[] = [];
    const handler = makeSqsHandler(stage, observability(), async (record: SQSRecord) => {
      processed.push(record.messageId);
      spend();
    });
    const event = batch(stage, batchSize);
    // Act
    const response = await handler(event, context);
    // Assess: as many records as whole reserves fit in the timeout ran; the others are returned unstarted.
    const fits = Math.floor(timeoutSeconds / recordSeconds);
    expect(processed).toEqual(event.Records.slice(0, fits).map((r) => r.messageId));
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(
      event.Records.slice(fits).map((r) => r.messageId),
    );
  });

  it("should still run a record on its last delivery rather than hand it to the dead-letter queue untried", async () => {
    // Prepare: no time left after the first record; the third record is on its last delivery.
    const stage = "summarize";
    const { maxReceiveCount } = routeOf(stage).queue;
    const context = { ...localContext(stage), getRemainingTimeInMillis: () => 1 };
    const event = batch(stage, 3);
    const last = event.Records[2] as SQSRecord;
    last.attributes.ApproximateReceiveCount = String(maxReceiveCount);
    const processed: string[] = [];
    const handler = makeSqsHandler(stage, observability(), async (record: SQSRecord) => {
      processed.push(record.messageId);
    });
    // Act
    const response = await handler(event, context);
    // Assess
    expect(processed).toEqual(["m-0", "m-2"]);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: "m-1" }]);
  });

  it("should always start the first record, whatever time is left", async () => {
    // Prepare
    const stage = "translate";
    const context = { ...localContext(stage), getRemainingTimeInMillis: () => 1 };
    const processed: string[] = [];
    const handler = makeSqsHandler(stage, observability(), async (record: SQSRecord) => {
      processed.push(record.messageId);
    });
    // Act
    const response = await handler(batch(stage, 1), context);
    // Assess
    expect(processed).toEqual(["m-0"]);
    expect(response.batchItemFailures).toEqual([]);
  });
});
