import { SQSClient } from "@aws-sdk/client-sqs";
import type { SQSRecord } from "aws-lambda";
import { SqsParkedQueue } from "../../shared/adapters/sqs/parked-queue";
import { InputError } from "../../shared/errors";
import {
  DEAD_LETTER_FUNCTION,
  parseDeadLetterRoutes,
} from "../../shared/pipeline/dead-letter-routes";
import type { ParkedQueue } from "../../shared/pipeline/ports";
import { routeOf, type StageName } from "../../shared/pipeline/routing";
import {
  articleIdOfDeadMessage,
  type DeadMessage,
  runDeadLetterStage,
} from "../../shared/pipeline/stages/dead-letter";
import { type HandlerDeps, stageContext } from "../common/deps";
import { parseS3Notification, parseTranslateJob } from "../common/events";
import { lambdaEntry } from "../common/lambda-entry";
import { METRIC, MetricUnit } from "../common/powertools";
import { makeSqsHandler, observabilityOf, type SqsHandler } from "../common/sqs-handler";

const NAME = DEAD_LETTER_FUNCTION;

export interface DeadLetterHandlerDeps extends HandlerDeps {
  parked: ParkedQueue;
  /** The stage whose dead-letter queue a record came from (its eventSourceARN), if it is one of them. */
  stageOfQueue: (queueArn: string) => StageName | undefined;
}

/** Unknown queue: a wiring mistake. Thrown, so SQS parks the message itself after the consumer's tries. */
export class UnknownDeadLetterQueueError extends Error {
  override readonly name = "UnknownDeadLetterQueueError";
}

export function makeHandler(deps: DeadLetterHandlerDeps): SqsHandler {
  const observability = observabilityOf(deps, NAME);
  return makeSqsHandler(NAME, observability, async (record, tools) => {
    const stage = deps.stageOfQueue(record.eventSourceARN);
    if (!stage) {
      throw new UnknownDeadLetterQueueError(`no stage has ${record.eventSourceARN} as its DLQ`);
    }
    const { maxReceiveCount } = routeOf(stage).queue;
    const sentAt = sentAtOf(record);
    const notes: string[] = [];
    let messages: { message: DeadMessage; articleId: string }[];
    try {
      messages = deadMessages(stage, record).map((message) => ({
        message,
        articleId: articleIdOfDeadMessage(message),
      }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      tools.logger.warn("dead message cannot be attributed to an article: parking it as it is", {
        stage,
        messageId: record.messageId,
        error,
      });
      messages = [];
      notes.push(`unattributable: ${error.message}`);
    }
    for (const { message, articleId } of messages) {
      const logger = tools.forArticle(articleId);
      const result = await runDeadLetterStage(stageContext(deps, logger), {
        message,
        deliveries: maxReceiveCount,
        ...(sentAt ? { sentAt } : {}),
      });
      logger.warn("dead message recorded", { ...result, messageId: record.messageId });
      if (result.outcome === "recorded")
        tools.metrics.addMetric(METRIC.failures, MetricUnit.Count, 1);
      notes.push(`${result.articleId}: ${result.outcome}`);
    }
    await deps.parked.park({
      stage,
      messageId: record.messageId,
      body: record.body,
      receiveCount: maxReceiveCount,
      sentAt: sentAt ?? new Date(),
      note: notes.join("; ") || "nothing to record",
    });
    tools.metrics.addMetric("MessagesParked", MetricUnit.Count, 1);
  });
}

/** The dead message as its stage read it: the same parsers, so what one accepts the other does. */
function deadMessages(stage: StageName, record: SQSRecord): DeadMessage[] {
  if (stage === "translate") return [{ stage, job: parseTranslateJob(record) }];
  return parseS3Notification(record).map((object) => ({ stage, object }));
}

/** SQS keeps the original SentTimestamp when it moves a message to a dead-letter queue. */
function sentAtOf(record: SQSRecord): Date | undefined {
  const ms = Number(record.attributes?.SentTimestamp);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : undefined;
}

export const handler = lambdaEntry(NAME, (base) => {
  const routes = parseDeadLetterRoutes(process.env);
  const byArn = new Map(routes.map((route) => [route.queueArn, route.stage]));
  return makeHandler({
    ...base,
    parked: new SqsParkedQueue(
      base.tracer.captureAWSv3Client(new SQSClient({})),
      Object.fromEntries(routes.map((r) => [r.stage, r.parkedQueueUrl])) as Record<
        StageName,
        string
      >,
    ),
    stageOfQueue: (arn) => byArn.get(arn),
  });
});
