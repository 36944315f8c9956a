/**
 * The local stand-in for S3 notifications → SQS → Lambda event source mappings: s3rver's events are reshaped
 * (notifications.ts), routed by the shared routing table and queued per stage with the route's QueuePolicy;
 * stages that are started by messages (translate) get the same kind of queue. Tracks everything in flight so
 * callers can await `idle()`.
 */
import { join } from "node:path";
import type { S3rverEvent } from "s3rver";
import type { ObjectStore, TranslateJob, TranslateJobQueue } from "../../../shared/pipeline/ports";
import { ROUTES, type StageName } from "../../../shared/pipeline/routing";
import type { LocalBuckets } from "../s3/server";
import { DeadLetterFolder } from "./dead-letter";
import { LocalQueue, type LocalQueueOptions, type QueueHandler } from "./local-queue";
import { notificationBody, type RoutedObject, routeRecord } from "./notifications";

export interface DispatcherOptions {
  buckets: LocalBuckets;
  /** Reads the eTag of copied objects (s3rver's copy events have none). */
  store: ObjectStore;
  handlers: Record<StageName, QueueHandler>;
  /** `<data>`: dead letters go to `<data>/dead-letter/<stage>/`, spilled messages to `<data>/queues/<stage>/`. */
  dataDirectory: string;
  /** Per-stage invocation concurrency. */
  concurrency?: Partial<Record<StageName, number>>;
  queue?: Pick<LocalQueueOptions, "retryDelayMs" | "maxInMemory" | "timeoutMs" | "lastErrorOf">;
  /** Errors that happen outside any handler (a failed HEAD of a copied object). */
  onError?: (error: unknown) => void;
}

/** Translate on a 2-core machine: Apertium runs as child processes, more at once only thrash. */
const DEFAULT_CONCURRENCY: Record<StageName, number> = { normalize: 2, summarize: 2, translate: 2 };

export class Dispatcher {
  readonly deadLetters: DeadLetterFolder;
  private readonly queues: Record<StageName, LocalQueue>;
  private pendingHeads = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly options: DispatcherOptions) {
    this.deadLetters = new DeadLetterFolder(join(options.dataDirectory, "dead-letter"));
    const entries = ROUTES.map((route) => {
      const queue = new LocalQueue({
        ...options.queue,
        stage: route.stage,
        policy: route.queue,
        // Looked up per invocation, so handlers that need the dispatcher (summarize's queue) can be set after it.
        handler: (event) => options.handlers[route.stage](event),
        deadLetters: this.deadLetters,
        spillDirectory: join(options.dataDirectory, "queues", route.stage),
        concurrency: options.concurrency?.[route.stage] ?? DEFAULT_CONCURRENCY[route.stage],
        onChange: () => this.checkIdle(),
      });
      return [route.stage, queue] as const;
    });
    this.queues = Object.fromEntries(entries) as Record<StageName, LocalQueue>;
  }

  /** s3rver's "event" listener. Synchronous: the message is queued before s3rver answers the PUT. */
  readonly onS3Event = (event: S3rverEvent): void => {
    for (const record of event.Records) {
      const routed = routeRecord(this.options.buckets, record);
      if (!routed) continue;
      if (routed.eTag) this.sendObject({ ...routed, eTag: routed.eTag });
      else this.sendAfterHead(routed);
    }
  };

  /** Queues a message for a stage (what SendMessage does on AWS). */
  send(stage: StageName, body: string): string {
    return this.queues[stage].send(body);
  }

  /** The TranslateJobQueue port on the local translate queue: one message per job, as on SQS. */
  translateJobQueue(): TranslateJobQueue {
    return {
      send: async (jobs: readonly TranslateJob[]) => {
        for (const job of jobs) this.send("translate", JSON.stringify(job));
      },
    };
  }

  get inFlight(): number {
    let total = this.pendingHeads;
    for (const queue of Object.values(this.queues)) total += queue.inFlight;
    return total;
  }

  /** Starts delivering messages a previous run left queued. */
  start(): void {
    for (const queue of Object.values(this.queues)) queue.start();
  }

  /** Resolves when no message is queued, running or waiting for a retry (or when the dispatcher closes). */
  idle(): Promise<void> {
    if (this.inFlight === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Moves dead letters back to their queues with a fresh receive count (SQS "start DLQ redrive"). */
  redrive(stage?: StageName): number {
    let count = 0;
    for (const { file, letter } of this.deadLetters.list(stage)) {
      this.send(letter.stage, letter.body);
      this.deadLetters.remove(file);
      count += 1;
    }
    return count;
  }

  /** Stops deliveries, keeps what is queued for the next run, waits for running invocations. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(Object.values(this.queues).map((queue) => queue.close()));
    this.checkIdle();
  }

  private sendObject(object: RoutedObject & { eTag: string }): void {
    this.send(object.stage, notificationBody(object));
  }

  private sendAfterHead(object: RoutedObject): void {
    this.pendingHeads += 1;
    this.options.store
      .head(object.bucket, object.key)
      .then((head) => {
        if (head) this.sendObject({ ...object, eTag: head.etag, size: head.size });
      })
      .catch((error) => this.options.onError?.(error))
      .finally(() => {
        this.pendingHeads -= 1;
        this.checkIdle();
      });
  }

  private checkIdle(): void {
    if ((this.inFlight > 0 && !this.closed) || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
