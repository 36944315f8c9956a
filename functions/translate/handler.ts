import {
  AmazonTranslateTranslator,
  createTranslateClient,
} from "../../shared/adapters/amazon-translate";
import { routeOf } from "../../shared/pipeline/routing";
import { runTranslateStage } from "../../shared/pipeline/stages/translate";
import { stageContext, type TranslateHandlerDeps } from "../common/deps";
import { deliveryOf, parseTranslateJob } from "../common/events";
import { lambdaEntry } from "../common/lambda-entry";
import { lambdaPorts } from "../common/lambda-ports";
import { createObservability, METRIC, MetricUnit } from "../common/powertools";
import {
  makeSqsHandler,
  observabilityOf,
  recordOutcome,
  type SqsHandler,
} from "../common/sqs-handler";

const STAGE = "translate";

export function makeHandler(deps: TranslateHandlerDeps): SqsHandler {
  const observability = observabilityOf(deps, STAGE);
  const { maxReceiveCount } = routeOf(STAGE).queue;
  return makeSqsHandler(STAGE, observability, async (record, tools, deadline) => {
    const job = parseTranslateJob(record);
    const result = await runTranslateStage(
      // The deadline: translate stops sending before the timeout and hands the job back with what it paid.
      {
        ...stageContext(deps, tools.forArticle(job.articleId), deadline),
        translator: deps.translator,
      },
      { job, delivery: deliveryOf(record, maxReceiveCount) },
    );
    recordOutcome(tools, result.outcome, result.durationMs);
    tools.metrics.addMetric(METRIC.charactersTranslated, MetricUnit.Count, result.charactersBilled);
  });
}

export const handler = lambdaEntry(() => {
  const observability = createObservability(STAGE);
  const { tracer } = observability;
  const ports = lambdaPorts(tracer);
  return makeHandler({
    ...observability,
    ...ports,
    translator: new AmazonTranslateTranslator({
      // Adaptive retries with the Translate-specific error classification (shared/adapters/amazon-translate).
      client: tracer.captureAWSv3Client(createTranslateClient()),
      settings: ports.config.translation,
      logger: observability.logger,
    }),
  });
});
