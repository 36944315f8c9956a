/**
 * The shape every stage handler shares: middy + Powertools (tracer, logger with the Lambda context, metrics
 * flushed per invocation) around Powertools' partial batch processing, so one bad record is retried (and
 * eventually dead-lettered) alone while the rest of the batch succeeds.
 *
 * Records run one after the other, never side by side: the stage's memory and timeout are sized for one
 * article of the largest accepted size (shared/pipeline/resources.ts), so a large article must not share
 * them with its batch. A record after the first starts only if the invocation has the time one such
 * article needs (`recordSeconds`) left; the others go back to the queue untouched, as batch item failures.
 */
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import type { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import middy from "@middy/core";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { resourcesOf } from "../../shared/pipeline/dead-letter-routes";
import { routeOf, type StageName } from "../../shared/pipeline/routing";
import type { Deadline } from "../../shared/pipeline/stages/deadline";
import type { Delivery } from "../../shared/pipeline/stages/delivery";
import type { HandlerDeps } from "./deps";
import { deliveryOf } from "./events";
import {
  createObservability,
  type FunctionName,
  METRIC,
  MetricUnit,
  type Observability,
} from "./powertools";

export type SqsHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

export interface RecordTools extends Observability {
  /** A logger whose every line carries the article id as correlation id. */
  forArticle(articleId: string): Logger;
}

export function observabilityOf(deps: HandlerDeps, stage: FunctionName): Observability {
  const defaults =
    deps.logger && deps.metrics && deps.tracer ? undefined : createObservability(stage);
  return {
    logger: deps.logger ?? (defaults as Observability).logger,
    metrics: deps.metrics ?? (defaults as Observability).metrics,
    tracer: deps.tracer ?? (defaults as Observability).tracer,
  };
}

/** A record the invocation had no time left for: handed back to the queue without being started. */
export class RecordDeferredError extends Error {
  override readonly name = "RecordDeferredError";
}

export function makeSqsHandler(
  stage: FunctionName,
  observability: Observability,
  processRecord: (record: SQSRecord, tools: RecordTools, deadline: Deadline) => Promise<void>,
): SqsHandler {
  const { logger, metrics, tracer } = observability;
  const { recordSeconds, maxReceiveCount } = resourcesOf(stage);
  const reserveMs = recordSeconds * 1000;
  const tools: RecordTools = {
    ...observability,
    forArticle: (articleId) =>
      logger.createChild({ persistentKeys: { correlation_id: articleId, articleId } }),
  };
  const lambdaHandler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const deadline: Deadline = { remainingMs: () => context.getRemainingTimeInMillis() };
    let started = 0;
    const recordHandler = async (record: SQSRecord) => {
      // The first record always runs: the timeout is sized for it. So does a record on its last delivery:
      // handed back, it would reach the dead-letter queue without ever having been tried.
      const lastDelivery = Number(record.attributes.ApproximateReceiveCount) >= maxReceiveCount;
      if (started > 0 && !lastDelivery && context.getRemainingTimeInMillis() < reserveMs) {
        logger.info("not enough time left for another record: handing it back to the queue", {
          messageId: record.messageId,
          remainingMs: context.getRemainingTimeInMillis(),
        });
        metrics.addMetric("RecordsDeferred", MetricUnit.Count, 1);
        throw new RecordDeferredError(`deferred: less than ${reserveMs} ms left`);
      }
      started += 1;
      try {
        await processRecord(record, tools, deadline);
      } catch (error) {
        // Reported as a batch item failure: the queue redelivers it, then moves it to the DLQ.
        logger.error("record failed", { messageId: record.messageId, error });
        metrics.addMetric("RecordFailures", MetricUnit.Count, 1);
        throw error;
      }
    };
    // A processor per invocation: it holds the batch's state, and the local runner may invoke concurrently.
    return processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), {
      context,
      // Report every failed record instead of throwing when all fail: same retries, simpler callers.
      throwOnFullBatchFailure: false,
      // Powertools' default runs the batch's records side by side, sharing memory and time.
      processInParallel: false,
    });
  };
  const wrapped = middy(lambdaHandler)
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
  return (event, context) => wrapped(event, context ?? localContext(stage));
}

/**
 * A pipeline stage's handler: `makeSqsHandler` with the deps' observability, each record handed over with its
 * delivery (the how-many-th of the stage queue's `maxReceiveCount`) so the stage can tell its last try.
 */
export function makeStageHandler(
  stage: StageName,
  deps: HandlerDeps,
  processRecord: (
    record: SQSRecord,
    tools: RecordTools,
    delivery: Delivery,
    deadline: Deadline,
  ) => Promise<void>,
): SqsHandler {
  const { maxReceiveCount } = routeOf(stage).queue;
  return makeSqsHandler(stage, observabilityOf(deps, stage), (record, tools, deadline) =>
    processRecord(record, tools, deliveryOf(record, maxReceiveCount), deadline),
  );
}

/** Records a stage's duration and outcome counts the same way for every stage. */
export function recordOutcome(
  tools: Observability,
  outcome: "written" | "skipped" | "stale" | "failed",
  durationMs: number,
): void {
  const { metrics } = tools;
  metrics.addMetric(METRIC.stageDuration, MetricUnit.Milliseconds, durationMs);
  if (outcome === "written") metrics.addMetric(METRIC.articles, MetricUnit.Count, 1);
  if (outcome === "failed") metrics.addMetric(METRIC.failures, MetricUnit.Count, 1);
  if (outcome === "skipped") metrics.addMetric(METRIC.duplicates, MetricUnit.Count, 1);
}

/**
 * A stand-in Lambda context for callers outside Lambda (local runner, tests). Its clock runs from now to the
 * stage's own timeout (the routing table's), as Lambda's does, so middy's early timeout and any deadline check
 * see the time the stage really has.
 */
export function localContext(
  stage: FunctionName,
  timeoutMs = resourcesOf(stage).timeoutSeconds * 1000,
): Context {
  const deadline = Date.now() + timeoutMs;
  const functionName = `article-pipeline-${stage}-local`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    logGroupName: `/local/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
