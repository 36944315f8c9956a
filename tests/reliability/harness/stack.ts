/**
 * A local stack for the reliability tests, composed from the local-stack API (infra/local) without changing it:
 * the real handlers are built here, on a store and a delivery path the test can wrap, so faults (a failing
 * write, a crash between two writes) and duplicate deliveries happen where AWS would cause them.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SQSEvent } from "aws-lambda";
import { makeHandler as makeNormalizeHandler } from "../../../functions/normalize/handler";
import { makeHandler as makeSummarizeHandler } from "../../../functions/summarize/handler";
import { makeHandler as makeTranslateHandler } from "../../../functions/translate/handler";
import type { QueueHandler } from "../../../infra/local/dispatcher/local-queue";
import { createLogSink, localObservability } from "../../../infra/local/logger";
import { type LocalStack, startLocalStack } from "../../../infra/local/stack";
import { ENV, type RawSettings } from "../../../shared/pipeline/config";
import type { ObjectStore, Translator } from "../../../shared/pipeline/ports";
import type { StageName } from "../../../shared/pipeline/routing";

export const STAGES: readonly StageName[] = ["normalize", "summarize", "translate"];

/** Wraps a stage's handler: the place to duplicate or lose deliveries, or to crash an invocation. */
export type HandlerWrapper = (
  stage: StageName,
  handler: QueueHandler,
  stack: LocalStack,
) => QueueHandler;

export interface ReliabilityStackOptions {
  translator?: Translator;
  targetLanguages?: readonly string[];
  settings?: RawSettings;
  /** Wraps the object store every handler uses (not the CLI's; atomic per key, as S3 is): fault injection. */
  wrapStore?: (store: ObjectStore) => ObjectStore;
  wrapHandler?: HandlerWrapper;
  concurrency?: Partial<Record<StageName, number>>;
}

export interface ReliabilityStack {
  stack: LocalStack;
  /** The store the handlers write through (the wrapped one, when wrapStore is given). */
  handlerStore: ObjectStore;
  dispose(): Promise<void>;
}

export async function startReliabilityStack(
  options: ReliabilityStackOptions = {},
): Promise<ReliabilityStack> {
  const dataDirectory = await mkdtemp(join(tmpdir(), "reliability-"));
  // Filled once the stack (and so the dispatcher's translate queue) exists; no message arrives before that.
  const built: Partial<Record<StageName, QueueHandler>> = {};
  const late =
    (stage: StageName): QueueHandler =>
    (event: SQSEvent) => {
      const handler = built[stage];
      if (!handler) throw new Error(`${stage} handler used before the stack was ready`);
      return handler(event);
    };
  const stack = await startLocalStack({
    dataDirectory,
    settings: {
      [ENV.targetLanguages]: (options.targetLanguages ?? []).join(","),
      ...options.settings,
    },
    ...(options.translator ? { translator: options.translator } : {}),
    // Retries without a user's backoff, so failures retry in milliseconds.
    queue: { retryDelayMs: () => 5 },
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    handlers: {
      normalize: late("normalize"),
      summarize: late("summarize"),
      translate: late("translate"),
    },
  });
  // The local stack's store is atomic per key, as S3 is (infra/local/s3/guarded-store.ts).
  const handlerStore = options.wrapStore ? options.wrapStore(stack.store) : stack.store;
  const sink = createLogSink(stack.logFile, false);
  const deps = {
    store: handlerStore,
    events: stack.events,
    config: stack.config,
    queue: stack.dispatcher.translateJobQueue(),
  };
  const real: Record<StageName, QueueHandler> = {
    normalize: makeNormalizeHandler({ ...deps, ...localObservability("normalize", sink) }),
    summarize: makeSummarizeHandler({ ...deps, ...localObservability("summarize", sink) }),
    translate: makeTranslateHandler({
      ...deps,
      translator: options.translator ?? noTranslator,
      ...localObservability("translate", sink),
    }),
  };
  for (const stage of STAGES) {
    built[stage] = options.wrapHandler
      ? options.wrapHandler(stage, real[stage], stack)
      : real[stage];
  }
  return {
    stack,
    handlerStore,
    dispose: async () => {
      await stack.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

const noTranslator: Translator = {
  engine: "apertium",
  settings: {},
  translateTexts: () => Promise.reject(new Error("no translator in this run")),
};
