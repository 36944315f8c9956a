import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { TranslateClient } from "@aws-sdk/client-translate";
import type { SQSBatchResponse } from "aws-lambda";
import { afterEach, beforeEach, vi } from "vitest";
import { makeHandler as makeNormalize } from "../../functions/normalize/handler";
import { makeHandler as makeSummarize } from "../../functions/summarize/handler";
import { makeHandler as makeTranslate } from "../../functions/translate/handler";
import { AmazonTranslateTranslator } from "../../shared/adapters/amazon-translate";
import { EventBridgePublisher } from "../../shared/adapters/eventbridge/event-publisher";
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import { SqsTranslateJobQueue } from "../../shared/adapters/sqs/translate-job-queue";
import { type PipelineConfig, parseConfig } from "../../shared/pipeline/config";
import type { StageName } from "../../shared/pipeline/routing";
import { FakeAws, QUEUE_URL, RESULTS } from "./fake-aws";

const CLIENT = {
  region: "eu-west-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
};

export interface Harness {
  config: PipelineConfig;
  metrics: Metrics;
  handlers: Record<StageName, (event: import("aws-lambda").SQSEvent) => Promise<SQSBatchResponse>>;
  /** Delivers queued messages stage by stage until every queue is empty (or a step limit is hit). */
  drain(): Promise<void>;
}

export function createHarness(aws: FakeAws, env: Record<string, string> = {}): Harness {
  const config = parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "es,fr", ...env });
  const logger = new Logger({ serviceName: "test", logLevel: "SILENT" });
  const metrics = new Metrics({ namespace: "Test", serviceName: "test" });
  const deps = {
    config,
    logger,
    metrics,
    store: new S3ObjectStore(new S3Client(CLIENT)),
    events: new EventBridgePublisher(new EventBridgeClient(CLIENT), "default"),
    queue: new SqsTranslateJobQueue(new SQSClient(CLIENT), QUEUE_URL),
    // One attempt per request: retries are the queue's business in these tests.
    translator: new AmazonTranslateTranslator({
      client: new TranslateClient({ ...CLIENT, maxAttempts: 1 }),
      settings: config.translation,
      logger,
    }),
  };
  const handlers = {
    normalize: makeNormalize(deps),
    summarize: makeSummarize(deps),
    translate: makeTranslate(deps),
  };
  const drain = async () => {
    for (let step = 0; step < 200; step++) {
      const stage = (["normalize", "summarize", "translate"] as const).find(
        (s) => aws.pending[s].length > 0,
      );
      if (!stage) return;
      const { event, batch } = aws.receive(stage);
      const response = await handlers[stage](event);
      aws.settle(stage, batch, response);
    }
    throw new Error("pipeline did not settle in 200 deliveries");
  };
  return { config, metrics, handlers, drain };
}

/**
 * A fresh FakeAws and harness before each test of the calling file (handed over through `use`), restored after
 * it; metrics stay off, as they would print to the test output.
 */
export function onFreshPipeline(use: (aws: FakeAws, pipeline: Harness) => void): void {
  let aws: FakeAws | undefined;
  beforeEach(() => {
    vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "true");
    aws = new FakeAws();
    use(aws, createHarness(aws));
  });
  afterEach(() => {
    aws?.restore();
    vi.unstubAllEnvs();
  });
}
