/**
 * A local stack for the reliability tests, composed from the local-stack API (infra/local) without changing it:
 * the real handlers (localHandlers) are built on a store and a delivery path the test can wrap, so faults (a
 * failing write, a crash between two writes) and duplicate deliveries happen where AWS would cause them.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { QueueHandler } from "../../../infra/local/dispatcher/local-queue";
import type { StageQueues } from "../../../infra/local/dispatcher/stage-queues";
import { type LocalStack, localHandlers, startLocalStack } from "../../../infra/local/stack";
import { ENV, type RawSettings } from "../../../shared/pipeline/config";
import type { ObjectStore, Translator } from "../../../shared/pipeline/ports";
import type { StageName } from "../../../shared/pipeline/routing";

export const STAGES: readonly StageName[] = ["normalize", "summarize", "translate"];

/** Wraps a stage's handler: the place to duplicate or lose deliveries, or to crash an invocation. */
export type HandlerWrapper = (
  stage: StageName,
  handler: QueueHandler,
  queues: StageQueues,
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
  let handlerStore: ObjectStore | undefined;
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
    // The real handlers, on a store the test may wrap (the stack's store is atomic per key, as S3 is).
    handlers: (ports) => {
      const store = options.wrapStore ? options.wrapStore(ports.store) : ports.store;
      handlerStore = store;
      const real = localHandlers({ ...ports, store });
      const wrap = options.wrapHandler;
      if (!wrap) return real;
      return Object.fromEntries(
        STAGES.map((stage) => [stage, wrap(stage, real[stage], ports.queues)]),
      ) as Record<StageName, QueueHandler>;
    },
  });
  return {
    stack,
    handlerStore: handlerStore ?? stack.store,
    dispose: async () => {
      await stack.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}
