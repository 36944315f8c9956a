/**
 * The local stack: s3rver + the dispatcher + the three Lambda handlers (the very `makeHandler` of
 * functions/<stage>/handler.ts), wired with local stand-ins for what AWS provides. Everything lives under one
 * data folder (default `.local/`):
 *   s3/                  the buckets' objects (s3rver)
 *   dead-letter/<stage>/ messages that used up their deliveries, one JSON file each
 *   queues/<stage>/      messages spilled under load or left queued at shutdown
 *   logs/pipeline.log    the handlers' Powertools log lines
 *   events.jsonl         the "Article Processed" events
 */
import { join, resolve } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
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
import type { ObjectStore, Translator } from "../../shared/pipeline/ports";
import type { StageName } from "../../shared/pipeline/routing";
import { Dispatcher, type DispatcherOptions } from "./dispatcher/dispatcher";
import type { QueueHandler } from "./dispatcher/local-queue";
import { LocalEventPublisher } from "./events";
import { createLogSink, localObservability } from "./logger";
import { createLocalS3Client } from "./s3/client";
import { LocallyGuardedObjectStore } from "./s3/guarded-store";
import { type LocalBuckets, type S3Server, startS3Server } from "./s3/server";

export const DEFAULT_DATA_DIRECTORY = ".local";

export interface LocalStackOptions {
  dataDirectory?: string;
  /** Pipeline settings by their environment names (ENV); RESULTS_BUCKET is set by the stack. */
  settings?: RawSettings;
  /** Needed when TARGET_LANGUAGES is not empty. */
  translator?: Translator;
  verbose?: boolean;
  buckets?: LocalBuckets;
  concurrency?: DispatcherOptions["concurrency"];
  queue?: DispatcherOptions["queue"];
  /** Replaces the real handlers (tests of the runner itself). */
  handlers?: Partial<Record<StageName, QueueHandler>>;
}

export interface LocalStack {
  endpoint: string;
  buckets: LocalBuckets;
  dataDirectory: string;
  config: PipelineConfig;
  /** An S3 client configured for this endpoint (the CLI's uploads and downloads). */
  client: S3Client;
  store: ObjectStore;
  dispatcher: Dispatcher;
  events: LocalEventPublisher;
  logFile: string;
  /** Stops deliveries (queued messages are kept for the next run), waits for running ones, stops s3rver. */
  close(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDirectory = resolve(options.dataDirectory ?? DEFAULT_DATA_DIRECTORY);
  let dispatcher: Dispatcher | undefined;
  const server: S3Server = await startS3Server({
    directory: join(dataDirectory, "s3"),
    ...(options.buckets ? { buckets: options.buckets } : {}),
    // The dispatcher exists before the first request can reach the server (buckets are made without events).
    onEvent: (event) => dispatcher?.onS3Event(event),
  });
  try {
    const config = parseConfig({
      ...options.settings,
      [ENV.resultsBucket]: server.buckets.results,
    });
    if (config.targetLanguages.length > 0 && !options.translator && !options.handlers?.translate) {
      throw new Error("target languages are set but no translator was given");
    }
    const client = createLocalS3Client(server.endpoint);
    const store = new LocallyGuardedObjectStore(new S3ObjectStore(client));
    const logFile = join(dataDirectory, "logs", "pipeline.log");
    const sink = createLogSink(logFile, options.verbose ?? false);
    const events = new LocalEventPublisher(join(dataDirectory, "events.jsonl"));
    const handlers = {} as Record<StageName, QueueHandler>;
    dispatcher = new Dispatcher({
      buckets: server.buckets,
      store,
      handlers,
      dataDirectory,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      queue: { lastErrorOf: (id) => sink.failures.get(id), ...options.queue },
      onError: (error) =>
        process.stderr.write(
          `local dispatcher: could not read a copied object's eTag: ${String(error)}\n`,
        ),
    });
    const queue = dispatcher.translateJobQueue();
    const deps = { store, events, config, queue };
    // Filled after the dispatcher exists: summarize's queue port is the dispatcher's translate queue.
    handlers.normalize =
      options.handlers?.normalize ??
      makeNormalizeHandler({ ...deps, ...localObservability("normalize", sink) });
    handlers.summarize =
      options.handlers?.summarize ??
      makeSummarizeHandler({ ...deps, ...localObservability("summarize", sink) });
    handlers.translate =
      options.handlers?.translate ??
      makeTranslateHandler({
        ...deps,
        translator: options.translator ?? missingTranslator,
        ...localObservability("translate", sink),
      });
    dispatcher.start();
    const running = dispatcher;
    return {
      endpoint: server.endpoint,
      buckets: server.buckets,
      dataDirectory,
      config,
      client,
      store,
      dispatcher: running,
      events,
      logFile,
      close: async () => {
        await running.close();
        client.destroy();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Only reached if a translate message arrives with translation off (e.g. a redrive from an earlier run). */
const missingTranslator: Translator = {
  engine: "apertium",
  settings: {},
  translateTexts: () =>
    Promise.reject(new Error("translation is off in this run (--translator none)")),
};
