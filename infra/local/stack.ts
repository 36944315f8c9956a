/**
 * The local stack: s3rver + the stage queues + the three Lambda handlers (the very `makeHandler` of
 * functions/<stage>/handler.ts) + a dispatcher that routes s3rver's notifications to the queues, wired with
 * local stand-ins for what AWS provides. Built in the order the data flows, with no cycle: s3rver and its
 * notification channel, the ports, the queues, the handlers on those ports (summarize's sends go to the
 * translate queue), the queues' consumers, then the routing. Everything lives under one data folder (default
 * `.local/`):
 *   s3/                  the buckets' objects (s3rver)
 *   dead-letter/<stage>/ messages that used up their deliveries, parked once the dead-letter consumer
 *                        recorded their failure, one JSON file each
 *   queues/<stage>/      messages spilled under load or left queued at shutdown
 *   logs/pipeline.log    the handlers' Powertools log lines
 *   events.jsonl         the "Article Processed" events
 */
import { EventEmitter } from "node:events";
import { join, resolve } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import type { S3rverEvent } from "s3rver";
import type { Observability } from "../../functions/common/powertools";
import { makeHandler as makeDeadLetterHandler } from "../../functions/dead-letter/handler";
import { makeHandler as makeNormalizeHandler } from "../../functions/normalize/handler";
import { makeHandler as makeSummarizeHandler } from "../../functions/summarize/handler";
import { makeHandler as makeTranslateHandler } from "../../functions/translate/handler";
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import {
  ENV,
  type PipelineConfig,
  parseConfig,
  type RawSettings,
} from "../../shared/pipeline/config";
import { DEAD_LETTER_FUNCTION, type FunctionName } from "../../shared/pipeline/dead-letter-routes";
import type {
  EventPublisher,
  ListableObjectStore,
  ObjectStore,
  TranslateJobQueue,
  Translator,
} from "../../shared/pipeline/ports";
import type { StageName } from "../../shared/pipeline/routing";
import { Dispatcher } from "./dispatcher/dispatcher";
import { fenced } from "./dispatcher/invocation";
import type { QueueHandler } from "./dispatcher/local-queue";
import { StageQueues, type StageQueuesOptions } from "./dispatcher/stage-queues";
import { LocalEventPublisher } from "./events";
import { createLogSink, localObservability } from "./logger";
import { createLocalS3Client } from "./s3/client";
import { LocallyGuardedObjectStore } from "./s3/guarded-store";
import { type LocalBuckets, startS3Server } from "./s3/server";

export const DEFAULT_DATA_DIRECTORY = ".local";

/** Where s3rver keeps the buckets' objects inside a data directory. */
export function localS3Directory(dataDirectory: string): string {
  return join(resolve(dataDirectory), "s3");
}

/** What the handlers run on locally. Each port refuses calls from an invocation that has ended. */
export interface LocalPorts {
  store: ObjectStore;
  events: EventPublisher;
  queue: TranslateJobQueue;
  translator: Translator;
  config: PipelineConfig;
  queues: StageQueues;
  observability(name: FunctionName): Observability;
}

export interface LocalStackOptions {
  dataDirectory?: string;
  /** Pipeline settings by their environment names (ENV); RESULTS_BUCKET is set by the stack. */
  settings?: RawSettings;
  /** Needed when TARGET_LANGUAGES is not empty. */
  translator?: Translator;
  verbose?: boolean;
  buckets?: LocalBuckets;
  concurrency?: StageQueuesOptions["concurrency"];
  queue?: StageQueuesOptions["queue"];
  /** Replaces handlers, built on the stack's ports (tests of the runner itself, fault injection). */
  handlers?: (ports: LocalPorts) => Partial<Record<StageName, QueueHandler>>;
}

export interface LocalStack {
  endpoint: string;
  buckets: LocalBuckets;
  dataDirectory: string;
  config: PipelineConfig;
  /** An S3 client configured for this endpoint (the CLI's uploads and downloads). */
  client: S3Client;
  store: ListableObjectStore;
  queues: StageQueues;
  events: LocalEventPublisher;
  logFile: string;
  /** Stops deliveries (queued messages are kept for the next run), waits for running ones, stops s3rver. */
  close(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDirectory = resolve(options.dataDirectory ?? DEFAULT_DATA_DIRECTORY);
  // The buckets' notification channel; the dispatcher subscribes once the queues have consumers. Nothing is
  // published before: the buckets are created without events and no client knows the endpoint yet.
  const notifications = new EventEmitter<{ event: [S3rverEvent] }>();
  const server = await startS3Server({
    directory: localS3Directory(dataDirectory),
    ...(options.buckets ? { buckets: options.buckets } : {}),
    onEvent: (event) => notifications.emit("event", event),
  });
  try {
    const config = parseConfig({
      ...options.settings,
      [ENV.resultsBucket]: server.buckets.results,
    });
    if (config.targetLanguages.length > 0 && !options.translator && !options.handlers) {
      throw new Error("target languages are set but no translator was given");
    }
    const client = createLocalS3Client(server.endpoint);
    const store = new LocallyGuardedObjectStore(new S3ObjectStore(client));
    const logFile = join(dataDirectory, "logs", "pipeline.log");
    const sink = createLogSink(logFile, options.verbose ?? false);
    const events = new LocalEventPublisher(join(dataDirectory, "events.jsonl"));
    const queues = new StageQueues({
      dataDirectory,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      queue: { lastErrorOf: (id) => sink.failures.get(id), ...options.queue },
    });
    const ports: LocalPorts = {
      store: fenced(store),
      events: fenced(events),
      queue: fenced(queues.translateJobQueue()),
      translator: fenced(options.translator ?? missingTranslator),
      config,
      queues,
      observability: (stage) => localObservability(stage, sink),
    };
    queues.start(
      { ...localHandlers(ports), ...options.handlers?.(ports) },
      localDeadLetterHandler(ports),
    );
    const dispatcher = new Dispatcher({
      buckets: server.buckets,
      store,
      queues,
      onError: (error) =>
        process.stderr.write(
          `local dispatcher: could not read a copied object's eTag: ${String(error)}\n`,
        ),
    });
    notifications.on("event", dispatcher.onS3Event);
    return {
      endpoint: server.endpoint,
      buckets: server.buckets,
      dataDirectory,
      config,
      client,
      store,
      queues,
      events,
      logFile,
      close: async () => {
        notifications.removeAllListeners();
        await queues.close();
        client.destroy();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** The three real handlers on the local ports. */
export function localHandlers(ports: LocalPorts): Record<StageName, QueueHandler> {
  const deps = {
    store: ports.store,
    events: ports.events,
    config: ports.config,
    queue: ports.queue,
  };
  return {
    normalize: makeNormalizeHandler({ ...deps, ...ports.observability("normalize") }),
    summarize: makeSummarizeHandler({ ...deps, ...ports.observability("summarize") }),
    translate: makeTranslateHandler({
      ...deps,
      translator: ports.translator,
      ...ports.observability("translate"),
    }),
  };
}

/**
 * The dead-letter consumer on the local ports: records the failure of a message whose deliveries all failed
 * (or overran the stage's timeout), then parks it in the dead-letter folder that `redrive` reads.
 */
export function localDeadLetterHandler(ports: LocalPorts): QueueHandler {
  return makeDeadLetterHandler({
    store: ports.store,
    events: ports.events,
    config: ports.config,
    parked: fenced(ports.queues.deadLetters),
    stageOfQueue: (arn) => ports.queues.stageOfDeadLetterQueue(arn),
    ...ports.observability(DEAD_LETTER_FUNCTION),
  });
}

/** Only reached if a translate message arrives with translation off (e.g. a redrive from an earlier run). */
const missingTranslator: Translator = {
  engine: "apertium",
  settings: {},
  translateTexts: () =>
    Promise.reject(new Error("translation is off in this run (--translator none)")),
};
