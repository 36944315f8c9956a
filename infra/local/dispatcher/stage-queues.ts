/**
 * The local stand-in for the stages' SQS queues and their dead-letter queues: one LocalQueue per route of the
 * shared routing table, with the route's QueuePolicy, and behind each its DLQ, consumed by the dead-letter
 * handler with the consumer's policy; the dead-letter folder is the parked queue. They exist before any handler (summarize's handler sends
 * into the translate queue); `start(handlers)` connects the consumers. Tracks everything in flight, so callers
 * can await `idle()`.
 */
import { join } from "node:path";
import { DEAD_LETTER_CONSUMER } from "../../../shared/pipeline/dead-letter-routes";
import type { TranslateJob, TranslateJobQueue } from "../../../shared/pipeline/ports";
import { ROUTES, type StageName } from "../../../shared/pipeline/routing";
import { DeadLetterFolder } from "./dead-letter";
import {
  LocalQueue,
  type LocalQueueOptions,
  localQueueArn,
  type QueueHandler,
} from "./local-queue";

const deadLetterQueueName = (stage: StageName) => `article-pipeline-${stage}-dlq`;

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
  private readonly deadLetterQueues: Record<StageName, LocalQueue>;
  /** Work that ends in a send (the dispatcher's HEAD of a copied object), counted as in flight. */
  private pendingSends = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  constructor(options: StageQueuesOptions) {
    this.deadLetters = new DeadLetterFolder(join(options.dataDirectory, "dead-letter"));
    const queue = (
      stage: StageName,
      folder: string,
      settings: Pick<LocalQueueOptions, "policy" | "deadLetters" | "concurrency" | "queueName">,
    ) =>
      new LocalQueue({
        ...options.queue,
        ...settings,
        stage,
        spillDirectory: join(options.dataDirectory, "queues", folder),
        onChange: () => this.checkIdle(),
      });
    // As on AWS: stage queue → its DLQ, consumed by the dead-letter handler, which parks each message in the
    // dead-letter folder once recorded; a message the consumer fails on is written there as it is.
    const dlqs = ROUTES.map((route) => {
      const dlq = queue(route.stage, `${route.stage}-dlq`, {
        policy: DEAD_LETTER_CONSUMER,
        deadLetters: this.deadLetters,
        concurrency: 1,
        queueName: deadLetterQueueName(route.stage),
      });
      return [route.stage, dlq] as const;
    });
    this.deadLetterQueues = Object.fromEntries(dlqs) as Record<StageName, LocalQueue>;
    const entries = ROUTES.map((route) => {
      const dlq = this.deadLetterQueues[route.stage];
      const stageQueue = queue(route.stage, route.stage, {
        policy: route.queue,
        deadLetters: {
          write: (letter) => {
            this.deadLetters.rememberLastError(letter);
            dlq.moveIn({ ...letter, sentAt: Date.parse(letter.sentAt) });
          },
        },
        concurrency: options.concurrency?.[route.stage] ?? DEFAULT_CONCURRENCY[route.stage],
      });
      return [route.stage, stageQueue] as const;
    });
    this.queues = Object.fromEntries(entries) as Record<StageName, LocalQueue>;
  }

  /**
   * Connects each stage's handler to its queue, and the dead-letter consumer to every DLQ, and delivers what
   * a previous run left queued.
   */
  start(handlers: Record<StageName, QueueHandler>, deadLetterHandler: QueueHandler): void {
    for (const route of ROUTES) {
      this.deadLetterQueues[route.stage].start(deadLetterHandler);
      this.queues[route.stage].start(handlers[route.stage]);
    }
  }

  /** The stage whose local DLQ has this ARN (the dead-letter consumer's stageOfQueue). */
  stageOfDeadLetterQueue(queueArn: string): StageName | undefined {
    return ROUTES.find((route) => localQueueArn(deadLetterQueueName(route.stage)) === queueArn)
      ?.stage;
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
    for (const queue of this.allQueues()) total += queue.inFlight;
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
    await Promise.all(this.allQueues().map((queue) => queue.close()));
    this.checkIdle();
  }

  private allQueues(): LocalQueue[] {
    return [...Object.values(this.queues), ...Object.values(this.deadLetterQueues)];
  }

  private checkIdle(): void {
    if ((this.inFlight > 0 && !this.closed) || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
