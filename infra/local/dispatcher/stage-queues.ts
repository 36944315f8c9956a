/**
 * The local stand-in for the stages' SQS queues and their dead-letter queues: one LocalQueue per route of the
 * shared routing table, with the route's QueuePolicy. They exist before any handler (summarize's handler sends
 * into the translate queue); `start(handlers)` connects the consumers. Tracks everything in flight, so callers
 * can await `idle()`.
 */
import { join } from "node:path";
import type { TranslateJob, TranslateJobQueue } from "../../../shared/pipeline/ports";
import { ROUTES, type StageName } from "../../../shared/pipeline/routing";
import { DeadLetterFolder } from "./dead-letter";
import { LocalQueue, type LocalQueueOptions, type QueueHandler } from "./local-queue";

export interface StageQueuesOptions {
  /** `<data>`: dead letters go to `<data>/dead-letter/<stage>/`, spilled messages to `<data>/queues/<stage>/`. */
  dataDirectory: string;
  /** Per-stage invocation concurrency. */
  concurrency?: Partial<Record<StageName, number>>;
  queue?: Pick<LocalQueueOptions, "retryDelayMs" | "maxInMemory" | "timeoutMs" | "lastErrorOf">;
}

/** Translate on a 2-core machine: Apertium runs as child processes, more at once only thrash. */
const DEFAULT_CONCURRENCY: Record<StageName, number> = { normalize: 2, summarize: 2, translate: 2 };

export class StageQueues {
  readonly deadLetters: DeadLetterFolder;
  private readonly queues: Record<StageName, LocalQueue>;
  /** Work that ends in a send (the dispatcher's HEAD of a copied object), counted as in flight. */
  private pendingSends = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  constructor(options: StageQueuesOptions) {
    this.deadLetters = new DeadLetterFolder(join(options.dataDirectory, "dead-letter"));
    const entries = ROUTES.map((route) => {
      const queue = new LocalQueue({
        ...options.queue,
        stage: route.stage,
        policy: route.queue,
        deadLetters: this.deadLetters,
        spillDirectory: join(options.dataDirectory, "queues", route.stage),
        concurrency: options.concurrency?.[route.stage] ?? DEFAULT_CONCURRENCY[route.stage],
        onChange: () => this.checkIdle(),
      });
      return [route.stage, queue] as const;
    });
    this.queues = Object.fromEntries(entries) as Record<StageName, LocalQueue>;
  }

  /** Connects each stage's handler to its queue and delivers what a previous run left queued. */
  start(handlers: Record<StageName, QueueHandler>): void {
    for (const route of ROUTES) this.queues[route.stage].start(handlers[route.stage]);
  }

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

  /** Counts `work` as in flight until it settles, so idle() waits for the message it will send. */
  async beforeSend<T>(work: Promise<T>): Promise<T> {
    this.pendingSends += 1;
    try {
      return await work;
    } finally {
      this.pendingSends -= 1;
      this.checkIdle();
    }
  }

  get inFlight(): number {
    let total = this.pendingSends;
    for (const queue of Object.values(this.queues)) total += queue.inFlight;
    return total;
  }

  /** Resolves when no message is queued, running or waiting for a retry (or when the queues close). */
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

  private checkIdle(): void {
    if ((this.inFlight > 0 && !this.closed) || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
