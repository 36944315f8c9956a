import type { Logger } from "@aws-lambda-powertools/logger";
import type { Metrics } from "@aws-lambda-powertools/metrics";
import type { Tracer } from "@aws-lambda-powertools/tracer";
import type { PipelineConfig } from "../../shared/pipeline/config";
import type {
  EventPublisher,
  ObjectStore,
  StageLogger,
  TranslateJobQueue,
  Translator,
} from "../../shared/pipeline/ports";
import type { StageContext } from "../../shared/pipeline/stages/context";
import type { Deadline } from "../../shared/pipeline/stages/deadline";

/**
 * What `makeHandler(deps)` takes. Lambda builds it from the environment and AWS clients; the local runner
 * builds it from an S3 client on s3rver, an in-process queue and Apertium. Observability is optional: the
 * default is the Powertools set from ./powertools (pass a silent Logger to quiet local runs).
 */
export interface HandlerDeps {
  store: ObjectStore;
  events: EventPublisher;
  config: PipelineConfig;
  logger?: Logger;
  metrics?: Metrics;
  tracer?: Tracer;
  now?: () => Date;
}

export interface SummarizeHandlerDeps extends HandlerDeps {
  queue: TranslateJobQueue;
}

export interface TranslateHandlerDeps extends HandlerDeps {
  translator: Translator;
}

/** Everything any handler needs: the local runner can build one object and pass it to all three. */
export type AllHandlerDeps = SummarizeHandlerDeps & TranslateHandlerDeps;

/**
 * The part of a stage's context every handler builds the same way, with the article's own logger and, for a
 * stage that watches it, the invocation's deadline.
 */
export function stageContext(
  deps: HandlerDeps,
  logger: StageLogger,
  deadline?: Deadline,
): StageContext {
  return {
    store: deps.store,
    events: deps.events,
    config: deps.config,
    now: deps.now ?? (() => new Date()),
    logger,
    ...(deadline ? { deadline } : {}),
  };
}
