import { SQSClient } from "@aws-sdk/client-sqs";
import { SqsTranslateJobQueue } from "../../shared/adapters/sqs/translate-job-queue";
import { ENV, requireSetting } from "../../shared/pipeline/config";
import { articleIdFromArticleKey, runSummarizeStage } from "../../shared/pipeline/stages/summarize";
import { type SummarizeHandlerDeps, stageContext } from "../common/deps";
import { parseS3Notification } from "../common/events";
import { lambdaEntry } from "../common/lambda-entry";
import { MetricUnit } from "../common/powertools";
import { makeStageHandler, recordOutcome, type SqsHandler } from "../common/sqs-handler";

const STAGE = "summarize";

export function makeHandler(deps: SummarizeHandlerDeps): SqsHandler {
  return makeStageHandler(STAGE, deps, async (record, tools, delivery) => {
    for (const object of parseS3Notification(record)) {
      const result = await runSummarizeStage(
        {
          ...stageContext(deps, tools.forArticle(articleIdFromArticleKey(object.key))),
          queue: deps.queue,
        },
        { key: object.key, delivery },
      );
      recordOutcome(tools, result.outcome, result.durationMs);
      tools.metrics.addMetric("TranslateJobsSent", MetricUnit.Count, result.jobsSent.length);
    }
  });
}

export const handler = lambdaEntry(STAGE, (base) =>
  makeHandler({
    ...base,
    queue: new SqsTranslateJobQueue(
      base.tracer.captureAWSv3Client(new SQSClient({})),
      requireSetting(process.env, ENV.translateQueueUrl),
    ),
  }),
);
