/**
 * The dead-letter consumer on the fake AWS: a stage whose process is killed on every delivery (it runs no
 * code: the message is received and never answered, until SQS moves it to the DLQ) still ends its article
 * with an error record, a manifest and exactly one event; the message is parked unchanged for redrive.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { S3Client } from "@aws-sdk/client-s3";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeHandler } from "../../functions/dead-letter/handler";
import { type QueueMessage, sqsRecord } from "../../infra/local/dispatcher/messages";
import { EventBridgePublisher } from "../../shared/adapters/eventbridge/event-publisher";
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import { SqsParkedQueue } from "../../shared/adapters/sqs/parked-queue";
import { OUTPUT_FILES } from "../../shared/contract/keys";
import type { ErrorRecord, Manifest } from "../../shared/contract/manifest";
import { routeOf, type StageName } from "../../shared/pipeline/routing";
import { FakeAws, RESULTS } from "./fake-aws";
import { completionEvents, key, SAMPLE, SOURCE_KEY, validManifest } from "./pipeline-fixture";
import { createHarness, type Harness } from "./pipeline-harness";

const CLIENT = { region: "eu-west-1", credentials: { accessKeyId: "t", secretAccessKey: "t" } };
const STAGES: StageName[] = ["normalize", "summarize", "translate"];
const dlqArn = (stage: StageName) => `arn:aws:sqs:eu-west-1:111122223333:${stage}-dlq`;
const parkedUrl = (stage: StageName) =>
  `https://sqs.eu-west-1.amazonaws.com/111122223333/${stage}-parked`;

let aws: FakeAws;
let pipeline: Harness;
let parked: { url: string; body: string }[];
let deadLetter: ReturnType<typeof makeHandler>;

beforeEach(() => {
  vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "true");
  aws = new FakeAws();
  pipeline = createHarness(aws);
  parked = [];
  aws.sqs.on(SendMessageCommand).callsFake(async (input) => {
    parked.push({ url: input.QueueUrl ?? "", body: input.MessageBody ?? "" });
    return { MessageId: `p-${parked.length}` };
  });
  deadLetter = makeHandler({
    config: pipeline.config,
    logger: new Logger({ serviceName: "test", logLevel: "SILENT" }),
    metrics: new Metrics({ namespace: "Test", serviceName: "test" }),
    store: new S3ObjectStore(new S3Client(CLIENT)),
    events: new EventBridgePublisher(new EventBridgeClient(CLIENT), "default"),
    parked: new SqsParkedQueue(
      new SQSClient(CLIENT),
      Object.fromEntries(STAGES.map((s) => [s, parkedUrl(s)])) as Record<StageName, string>,
    ),
    stageOfQueue: (arn) => STAGES.find((s) => dlqArn(s) === arn),
  });
});

afterEach(() => {
  aws.restore();
  vi.unstubAllEnvs();
});

/** Every delivery of the stage's message is killed: received, never answered, then dead-lettered. */
function killEveryDelivery(stage: StageName, which = 0): QueueMessage {
  const [doomed] = aws.pending[stage].splice(which, 1);
  if (!doomed) throw new Error(`no ${stage} message to kill`);
  for (let i = 0; i < routeOf(stage).queue.maxReceiveCount; i++) {
    aws.deliver(stage, [doomed]);
    aws.settle(stage, [doomed], { batchItemFailures: [{ itemIdentifier: doomed.messageId }] });
    const back = aws.pending[stage].indexOf(doomed);
    if (back >= 0) aws.pending[stage].splice(back, 1);
  }
  const dead = aws.deadLetters[stage].pop();
  if (dead !== doomed) throw new Error(`${stage} message was not dead-lettered`);
  return dead;
}

/** The consumer's delivery of a dead message, from the stage's DLQ (SQS keeps its id and body). */
async function consume(stage: StageName, message: QueueMessage) {
  return deadLetter({ Records: [sqsRecord(message, dlqArn(stage))] });
}

async function deliverOne(stage: StageName): Promise<void> {
  const { event, batch } = aws.receive(stage);
  aws.settle(stage, batch, await pipeline.handlers[stage](event));
}

describe("dead-letter consumer", () => {
  it("should end an article whose normalize process is killed on every delivery with a failed manifest and one event", async () => {
    // Prepare
    aws.upload(SOURCE_KEY, SAMPLE);
    const dead = killEveryDelivery("normalize");
    // Act
    const response = await consume("normalize", dead);
    await pipeline.drain();
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
    expect(manifest.status).toBe("failed");
    expect(aws.json<ErrorRecord>(RESULTS, key(OUTPUT_FILES.error))).toMatchObject({
      stage: "normalize",
      errorType: "DeliveriesExhaustedError",
    });
    expect(completionEvents(aws).map((e) => e.status)).toEqual(["failed"]);
    expect(parked).toEqual([{ url: parkedUrl("normalize"), body: dead.body }]);
  });

  it("should end an article whose summarize process is killed on every delivery with a failed manifest and one event", async () => {
    // Prepare
    aws.upload(SOURCE_KEY, SAMPLE);
    await deliverOne("normalize");
    const dead = killEveryDelivery("summarize");
    // Act
    await consume("summarize", dead);
    await pipeline.drain();
    // Assess
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(manifest).toMatchObject({
      status: "failed",
      outputs: { article: key(OUTPUT_FILES.article) },
    });
    expect(aws.json<ErrorRecord>(RESULTS, key(OUTPUT_FILES.error)).stage).toBe("summarize");
    expect(completionEvents(aws).map((e) => e.status)).toEqual(["failed"]);
    expect(parked.map((p) => p.url)).toEqual([parkedUrl("summarize")]);
  });

  it("should end an article whose translate process is killed on every delivery of one language with a partial manifest and one event", async () => {
    // Prepare: es dies every time, fr translates.
    aws.upload(SOURCE_KEY, SAMPLE);
    await deliverOne("normalize");
    await deliverOne("summarize");
    const esJob = aws.pending.translate.findIndex((m) => m.body.includes('"targetLanguage":"es"'));
    const dead = killEveryDelivery("translate", esJob);
    await pipeline.drain();
    expect(aws.object(RESULTS, key(OUTPUT_FILES.manifest))).toBeUndefined();
    // Act
    await consume("translate", dead);
    // Assess
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
    expect(manifest.status).toBe("partial");
    expect(manifest.languages.es).toMatchObject({
      status: "failed",
      error: { type: "DeliveriesExhaustedError" },
    });
    expect(manifest.languages.fr?.status).toBe("succeeded");
    expect(completionEvents(aws).map((e) => e.status)).toEqual(["partial"]);
  });

  it("should leave a recorded version alone when its parked message is redriven: no second manifest or event", async () => {
    // Prepare
    aws.upload(SOURCE_KEY, SAMPLE);
    await consume("normalize", killEveryDelivery("normalize"));
    const manifest = aws.object(RESULTS, key(OUTPUT_FILES.manifest))?.etag;
    // Act: redrive (the parked body back to the stage queue, a fresh receive count)
    aws.enqueue("normalize", parked[0]?.body ?? "");
    await pipeline.drain();
    // Assess
    expect(aws.object(RESULTS, key(OUTPUT_FILES.manifest))?.etag).toBe(manifest);
    expect(completionEvents(aws)).toHaveLength(1);
  });

  it("should process a redriven message anew once its failure records are removed, with one more event", async () => {
    // Prepare: the failure recorded, then the operator removes its records to try again.
    aws.upload(SOURCE_KEY, SAMPLE);
    await consume("normalize", killEveryDelivery("normalize"));
    aws.objects.delete(`${RESULTS}/${key(OUTPUT_FILES.manifest)}`);
    aws.objects.delete(`${RESULTS}/${key(OUTPUT_FILES.error)}`);
    // Act
    aws.enqueue("normalize", parked[0]?.body ?? "");
    await pipeline.drain();
    // Assess
    expect(aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest)).status).toBe("complete");
    expect(completionEvents(aws).map((e) => e.status)).toEqual(["failed", "complete"]);
  });

  it("should park a message it cannot attribute to an article as it is, recording nothing", async () => {
    // Prepare
    const poison = aws.enqueue("normalize", "not an S3 event");
    // Act
    const response = await consume("normalize", poison);
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(parked).toEqual([{ url: parkedUrl("normalize"), body: "not an S3 event" }]);
    expect(aws.events).toEqual([]);
  });

  it("should fail a record from a queue that is no stage's DLQ, so SQS parks it itself", async () => {
    // Prepare
    const stray = aws.enqueue("normalize", "{}");
    // Act
    const response = await deadLetter({ Records: [sqsRecord(stray, "arn:aws:sqs:x:1:other")] });
    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: stray.messageId }]);
    expect(parked).toEqual([]);
  });
});
