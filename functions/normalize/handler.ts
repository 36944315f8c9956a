/** Normalize λ: S3 "object created" in incoming/ (through SQS) → results/<id>/article.json or error.json. */

import { articleIdFromKey } from "../../shared/contract/keys";
import { runNormalizeStage } from "../../shared/pipeline/stages/normalize";
import { type HandlerDeps, stageContext } from "../common/deps";
import { parseS3Notification } from "../common/events";
import { lambdaEntry } from "../common/lambda-entry";
import { makeStageHandler, recordOutcome, type SqsHandler } from "../common/sqs-handler";

const STAGE = "normalize";

export function makeHandler(deps: HandlerDeps): SqsHandler {
  return makeStageHandler(STAGE, deps, async (record, tools, delivery) => {
    for (const object of parseS3Notification(record)) {
      const result = await runNormalizeStage(
        stageContext(deps, tools.forArticle(articleIdFromKey(object.key))),
        { ...object, delivery },
      );
      recordOutcome(tools, result.outcome, result.durationMs);
    }
  });
}

export const handler = lambdaEntry(STAGE, makeHandler);
