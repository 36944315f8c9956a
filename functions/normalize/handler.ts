/** Normalize λ: S3 "object created" in incoming/ (through SQS) → results/<id>/article.json or error.json. */

import { articleIdFromKey } from "../../shared/contract/keys";
import { routeOf } from "../../shared/pipeline/routing";
import { runNormalizeStage } from "../../shared/pipeline/stages/normalize";
import { type HandlerDeps, stageContext } from "../common/deps";
import { deliveryOf, parseS3Notification } from "../common/events";
import { lambdaEntry } from "../common/lambda-entry";
import { lambdaPorts } from "../common/lambda-ports";
import { createObservability } from "../common/powertools";
import {
  makeSqsHandler,
  observabilityOf,
  recordOutcome,
  type SqsHandler,
} from "../common/sqs-handler";

const STAGE = "normalize";

export function makeHandler(deps: HandlerDeps): SqsHandler {
  const observability = observabilityOf(deps, STAGE);
  const { maxReceiveCount } = routeOf(STAGE).queue;
  return makeSqsHandler(STAGE, observability, async (record, tools) => {
    for (const object of parseS3Notification(record)) {
      const result = await runNormalizeStage(
        stageContext(deps, tools.forArticle(articleIdFromKey(object.key))),
        { ...object, delivery: deliveryOf(record, maxReceiveCount) },
      );
      recordOutcome(tools, result.outcome, result.durationMs);
    }
  });
}

export const handler = lambdaEntry(() => {
  const observability = createObservability(STAGE);
  const { tracer } = observability;
  return makeHandler({
    ...observability,
    ...lambdaPorts(tracer),
  });
});
