/**
 * The one place that builds the Powertools logger, metrics and tracer, so every function logs, measures and
 * traces the same way. Service "article-pipeline", one `stage` key/dimension per function.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import type {
  ConstructorOptions as LoggerOptions,
  LogLevel,
} from "@aws-lambda-powertools/logger/types";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";
import type { FunctionName } from "../../shared/pipeline/dead-letter-routes";
import { METRICS_NAMESPACE, SERVICE_NAME } from "../../shared/pipeline/service";

export type { FunctionName };

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

/** What differs where no CloudWatch or X-Ray is listening (local mode): said here, never through process.env. */
export interface ObservabilityOptions {
  /** Builds the logger from the options every function uses (local mode writes the lines to a file). */
  logger?: (options: LoggerOptions) => Logger;
  logLevel?: LogLevel;
  /** false: metrics are counted but never printed as EMF (there is no CloudWatch to read them). */
  metrics?: boolean;
  /** false: no X-Ray segments; unset, the Tracer decides (on in Lambda, off elsewhere). */
  tracing?: boolean;
}

export function createObservability(
  stage: FunctionName,
  options: ObservabilityOptions = {},
): Observability {
  const loggerOptions: LoggerOptions = {
    serviceName: SERVICE_NAME,
    persistentKeys: { stage },
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
  };
  const metricsOptions = {
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
    serviceName: SERVICE_NAME,
    defaultDimensions: { stage },
  };
  return {
    logger: options.logger ? options.logger(loggerOptions) : new Logger(loggerOptions),
    metrics:
      options.metrics === false
        ? new UnpublishedMetrics(metricsOptions)
        : new RecordedMetrics(metricsOptions),
    // Tracing switches itself off outside Lambda (tests, local mode). AWS SDK calls are traced per client
    // (captureAWSv3Client); the handlers make no other HTTP call, so global http/https/fetch patching is
    // off: it loaded undici at init for nothing (bench:bundle measured it).
    tracer: new Tracer({
      serviceName: SERVICE_NAME,
      captureHTTPsRequests: false,
      ...(options.tracing === undefined ? {} : { enabled: options.tracing }),
    }),
  };
}

/**
 * Metrics that publish nothing, and say nothing, when an invocation recorded none (an s3:TestEvent, a delivery
 * with nothing to do): Powertools otherwise logs "No application metrics to publish" for every such invocation.
 */
export class RecordedMetrics extends Metrics {
  override publishStoredMetrics(): this {
    if (this.hasStoredMetrics()) return super.publishStoredMetrics();
    // What Powertools clears after publishing, so nothing of this invocation reaches the next one.
    this.clearMetrics();
    this.clearDimensions();
    this.clearMetadata();
    return this;
  }
}

/**
 * Metrics that are counted and then dropped. Powertools' Metrics takes "disabled" only from
 * POWERTOOLS_METRICS_DISABLED, a process-wide switch; this says it for one instance. Its single metrics (the
 * cold start) are dropped too.
 */
class UnpublishedMetrics extends Metrics {
  override publishStoredMetrics(): this {
    this.clearMetrics();
    this.clearDimensions();
    this.clearMetadata();
    return this;
  }

  override singleMetric(): Metrics {
    return new UnpublishedMetrics({ singleMetric: true });
  }
}

export { MetricUnit };
