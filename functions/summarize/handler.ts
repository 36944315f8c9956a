import { SQSClient } from "@aws-sdk/client-sqs";
import { SqsTranslateJobQueue } from "../../shared/adapters/sqs/translate-job-queue";
import { ENV, requireSetting } from "../../shared/pipeline/config";
import { routeOf } from "../../shared/pipeline/routing";
import { articleIdFromArticleKey, runSummarizeStage } from "../../shared/pipeline/stages/summarize";
import { type SummarizeHandlerDeps, stageContext } from "../common/deps";
import { deliveryOf, parseS3Notification } from "../common/events";
import { lambdaEntry } from "../common/lambda-entry";
import { lambdaPorts } from "../common/lambda-ports";
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
    ...lambdaPorts(tracer),
    queue: new SqsTranslateJobQueue(
      tracer.captureAWSv3Client(new SQSClient({})),
      requireSetting(process.env, ENV.translateQueueUrl),
    ),
  });
});
