/** Summarize λ: S3 "object created" for results/<id>/article.json (through SQS) → summary + translate jobs. */
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { EventBridgePublisher } from "../../shared/adapters/eventbridge/event-publisher";
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import { SqsTranslateJobQueue } from "../../shared/adapters/sqs/translate-job-queue";
import { ENV, parseConfig, requireSetting } from "../../shared/pipeline/config";
import { routeOf } from "../../shared/pipeline/routing";
import { articleIdFromArticleKey, runSummarizeStage } from "../../shared/pipeline/stages/summarize";
import { type SummarizeHandlerDeps, stageContext } from "../common/deps";
import { deliveryOf, parseS3Notification } from "../common/events";
import { lambdaEntry } from "../common/lambda-entry";
import { createObservability, MetricUnit } from "../common/powertools";
import {
  makeSqsHandler,
  observabilityOf,
  recordOutcome,
  type SqsHandler,
} from "../common/sqs-handler";

const STAGE = "summarize";

export function makeHandler(deps: SummarizeHandlerDeps): SqsHandler {
  const observability = observabilityOf(deps, STAGE);
  const { maxReceiveCount } = routeOf(STAGE).queue;
  return makeSqsHandler(STAGE, observability, async (record, tools) => {
    for (const object of parseS3Notification(record)) {
      const result = await runSummarizeStage(
        {
          ...stageContext(deps, tools.forArticle(articleIdFromArticleKey(object.key))),
          queue: deps.queue,
        },
        { key: object.key, delivery: deliveryOf(record, maxReceiveCount) },
      );
      recordOutcome(tools, result.outcome, result.durationMs);
      tools.metrics.addMetric("TranslateJobsSent", MetricUnit.Count, result.jobsSent.length);
    }
  });
}

export const handler = lambdaEntry(() => {
  const observability = createObservability(STAGE);
  const { tracer } = observability;
  return makeHandler({
    ...observability,
    config: parseConfig(process.env),
    store: new S3ObjectStore(tracer.captureAWSv3Client(new S3Client({}))),
    queue: new SqsTranslateJobQueue(
      tracer.captureAWSv3Client(new SQSClient({})),
      requireSetting(process.env, ENV.translateQueueUrl),
    ),
    events: new EventBridgePublisher(
      tracer.captureAWSv3Client(new EventBridgeClient({})),
      process.env[ENV.eventBusName] || "default",
    ),
  });
});
