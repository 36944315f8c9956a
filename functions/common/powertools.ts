/**
 * The one place that builds the Powertools logger, metrics and tracer, so every function logs, measures and
 * traces the same way. Service "article-pipeline", one `stage` key/dimension per function.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";
import type { StageName } from "../../shared/pipeline/routing";

export const SERVICE_NAME = "article-pipeline";
export const METRICS_NAMESPACE = "ArticlePipeline";

export const METRIC = {
  /** Articles (or article × language for translate) a stage produced an output for. */
  articles: "Articles",
  /** Articles (or languages) recorded as failed: error record written. */
  failures: "ArticlesFailed",
  /** Deliveries that found their work already done: the idempotency check at work. */
  duplicates: "DuplicateDeliveries",
  charactersTranslated: "CharactersTranslated",
  stageDuration: "StageDuration",
} as const;

export interface Observability {
  logger: Logger;
  metrics: Metrics;
  tracer: Tracer;
}

export function createObservability(stage: StageName): Observability {
  return {
    logger: new Logger({ serviceName: SERVICE_NAME, persistentKeys: { stage } }),
    metrics: new Metrics({
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
      serviceName: SERVICE_NAME,
      defaultDimensions: { stage },
    }),
    // Tracing switches itself off outside Lambda (tests, local mode). AWS SDK calls are traced per client
    // (captureAWSv3Client); the handlers make no other HTTP call, so global http/https/fetch patching is
    // off: it loaded undici at init for nothing (bench:bundle measured it).
    tracer: new Tracer({ serviceName: SERVICE_NAME, captureHTTPsRequests: false }),
  };
}

export { MetricUnit };
