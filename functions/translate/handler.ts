import {
  AmazonTranslateTranslator,
  createTranslateClient,
} from "../../shared/adapters/amazon-translate";
import { runTranslateStage } from "../../shared/pipeline/stages/translate";
import { stageContext, type TranslateHandlerDeps } from "../common/deps";
import { parseTranslateJob } from "../common/events";
import { lambdaEntry } from "../common/lambda-entry";
import { METRIC, MetricUnit } from "../common/powertools";
import { makeStageHandler, recordOutcome, type SqsHandler } from "../common/sqs-handler";

const STAGE = "translate";

export function makeHandler(deps: TranslateHandlerDeps): SqsHandler {
  return makeStageHandler(STAGE, deps, async (record, tools, delivery, deadline) => {
    const job = parseTranslateJob(record);
    const result = await runTranslateStage(
      // The deadline: translate stops sending before the timeout and hands the job back with what it paid.
      {
        ...stageContext(deps, tools.forArticle(job.articleId), deadline),
        translator: deps.translator,
      },
      { job, delivery },
    );
    recordOutcome(tools, result.outcome, result.durationMs);
    tools.metrics.addMetric(METRIC.charactersTranslated, MetricUnit.Count, result.charactersBilled);
  });
}

export const handler = lambdaEntry(STAGE, (base) =>
  makeHandler({
    ...base,
    translator: new AmazonTranslateTranslator({
      // Adaptive retries with the Translate-specific error classification (shared/adapters/amazon-translate).
      client: base.tracer.captureAWSv3Client(createTranslateClient()),
      settings: base.config.translation,
      logger: base.logger,
    }),
  }),
);
