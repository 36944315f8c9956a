/**
 * One local SQS queue + event source mapping: batches of up to `batchSize` handed to the handler with at most
 * `concurrency` invocations at once, each given the stage's own timeout (invocation.ts); a message that fails
 * (the whole invocation throws or times out, or it is named in batchItemFailures) becomes visible again after
 * a delay and is retried until it has been received `maxReceiveCount` times, then goes to the dead-letter
 * folder (messages.ts holds those rules). Memory stays bounded: past `maxInMemory` waiting messages, new ones
 * are spilled to files and read back in order; on close, waiting messages are spilled too (spill-folder.ts).
 * The queue exists before its consumer: messages sent before `start(handler)` wait, as on SQS.
 */
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import type { QueuePolicy, StageName } from "../../../shared/pipeline/routing";
import type { DeadLetterSink } from "./dead-letter";
import { Invocation, InvocationTimeoutError } from "./invocation";
import {
  afterFailure,
  failedIds,
  newMessage,
  type QueueMessage,
  receive,
  sqsRecord,
} from "./messages";
import { SpillFolder } from "./spill-folder";

export type QueueHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse | undefined>;

export interface LocalQueueOptions {
  stage: StageName;
  policy: QueuePolicy;
  /** Where a message goes after its last failed delivery (the stage's DLQ, or the parked folder). */
  deadLetters: DeadLetterSink;
  /** The queue's name in its ARN (records carry it as eventSourceARN); default article-pipeline-<stage>. */
  queueName?: string;
  /** Where messages beyond maxInMemory wait. */
  spillDirectory: string;
  /** Invocations at once (the function's reserved concurrency). */
  concurrency?: number;
  maxInMemory?: number;
  /**
   * How long a failed message stays invisible before its next delivery. On AWS that is the visibility
   * timeout (minutes); locally a short, growing delay keeps retries observable without the wait.
   */
  retryDelayMs?: (receiveCount: number) => number;
  /** Invocation timeout; defaults to the route's function timeout. */
  timeoutMs?: number;
  /** The failure the handler logged for a message, to put in its dead letter. */
  lastErrorOf?: (messageId: string) => string | undefined;
  /** Called whenever the queue's in-flight count may have changed. */
  onChange?: () => void;
}

const DEFAULT_RETRY_DELAY = (receiveCount: number) => Math.min(200 * 2 ** (receiveCount - 1), 5000);

export class LocalQueue {
  private readonly ready: QueueMessage[] = [];
  private readonly spill: SpillFolder;
  private handler: QueueHandler | undefined;
  private running = 0;
  private runningMessages = 0;
  private readonly delayed = new Map<NodeJS.Timeout, QueueMessage>();
  /**
   * Messages whose delivery overran the timeout, so their dead letter says so even when a later delivery
   * failed otherwise (a translate job abandoned mid-way keeps its claim: the next delivery finds it held).
   */
  private readonly timedOut = new Map<string, string>();
  private closed = false;
  private stoppedWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxInMemory: number;
  private readonly retryDelayMs: (receiveCount: number) => number;
  private readonly timeoutMs: number;
  private readonly arn: string;

  constructor(private readonly options: LocalQueueOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.maxInMemory = Math.max(options.policy.batchSize, options.maxInMemory ?? 1000);
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY;
    this.timeoutMs = options.timeoutMs ?? options.policy.timeoutSeconds * 1000;
    this.arn = localQueueArn(options.queueName ?? `article-pipeline-${options.stage}`);
    // Messages a previous run left in the folder (spilled under load, or waiting at close).
    this.spill = new SpillFolder(options.spillDirectory);
  }

  /** Connects the consumer (the event source mapping) and starts delivering, queued messages first. */
  start(handler: QueueHandler): void {
    this.handler = handler;
    this.pump();
  }

  /** Messages waiting, being processed, or waiting for a retry. Zero means the queue is drained. */
  get inFlight(): number {
    return this.ready.length + this.spilled + this.delayed.size + this.runningMessages;
  }

  get spilled(): number {
    return this.spill.size;
  }

  send(body: string): string {
    const message = newMessage(body);
    this.enqueue(message);
    return message.messageId;
  }

  /** A message moved here from another queue (SQS's move to a DLQ keeps its id, body and sent time). */
  moveIn(message: Pick<QueueMessage, "messageId" | "body" | "sentAt">): void {
    this.enqueue(newMessage(message.body, message.messageId, message.sentAt));
  }

  /**
   * Stops deliveries; waiting messages (and those waiting for a retry) go to the spill folder for the next
   * run. Resolves when the invocations already running have finished.
   */
  close(): Promise<void> {
    this.closed = true;
    for (const [timer, message] of this.delayed) {
      clearTimeout(timer);
      this.spill.push(message);
    }
    this.delayed.clear();
    for (const message of this.ready.splice(0)) this.spill.push(message);
    this.options.onChange?.();
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.stoppedWaiters.push(resolve));
  }

  private enqueue(message: QueueMessage): void {
    if (this.closed || this.spilled > 0 || this.ready.length >= this.maxInMemory)
      this.spill.push(message);
    else this.ready.push(message);
    this.pump();
    this.options.onChange?.();
  }

  private unspill(): void {
    while (this.spilled > 0 && this.ready.length < this.maxInMemory) {
      const message = this.spill.shift();
      if (message) this.ready.push(message);
    }
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler) return;
    while (!this.closed && this.running < this.concurrency) {
      if (this.ready.length < this.options.policy.batchSize) this.unspill();
      if (this.ready.length === 0) return;
      const batch = this.ready.splice(0, this.options.policy.batchSize);
      this.running += 1;
      this.runningMessages += batch.length;
      void this.invoke(handler, batch).finally(() => {
        this.running -= 1;
        this.runningMessages -= batch.length;
        this.pump();
        this.options.onChange?.();
        if (this.running === 0) for (const resolve of this.stoppedWaiters.splice(0)) resolve();
      });
    }
  }

  private async invoke(handler: QueueHandler, batch: QueueMessage[]): Promise<void> {
    receive(batch);
    const event: SQSEvent = { Records: batch.map((m) => sqsRecord(m, this.arn)) };
    const invocation = new Invocation(this.options.stage, this.timeoutMs);
    let failed: Set<string>;
    let invocationError: unknown;
    try {
      const response = await invocation.run((context) => handler(event, context));
      failed = failedIds(batch, response ?? undefined);
    } catch (error) {
      invocationError = error;
      failed = new Set(batch.map((m) => m.messageId));
      if (isTimeout(error)) {
        for (const m of batch) {
          this.timedOut.set(
            m.messageId,
            `delivery ${m.receiveCount} timed out (${this.timeoutMs} ms)`,
          );
        }
      }
    }
    // The invocation is over; what it had already started may still be writing. Its messages come back (and
    // its concurrency slot frees) only after that, so no redelivery runs beside the late run's last writes.
    if (!invocation.idle) await invocation.settled();
    for (const message of batch) {
      if (failed.has(message.messageId)) this.fail(message, invocationError);
      else this.timedOut.delete(message.messageId);
    }
  }

  private fail(message: QueueMessage, invocationError: unknown): void {
    if (afterFailure(message, this.options.policy) === "dead-letter") {
      this.options.deadLetters.write({
        stage: this.options.stage,
        messageId: message.messageId,
        body: message.body,
        receiveCount: message.receiveCount,
        sentAt: new Date(message.sentAt).toISOString(),
        deadLetteredAt: new Date().toISOString(),
        lastError: [
          describe(invocationError, this.options.lastErrorOf?.(message.messageId)),
          isTimeout(invocationError) ? undefined : this.timedOut.get(message.messageId),
        ]
          .filter(Boolean)
          .join("; earlier, "),
      });
      this.timedOut.delete(message.messageId);
      return;
    }
    if (this.closed) {
      this.spill.push(message);
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      this.enqueue(message);
    }, this.retryDelayMs(message.receiveCount));
    this.delayed.set(timer, message);
  }
}

export function localQueueArn(queueName: string): string {
  return `arn:aws:sqs:us-east-1:000000000000:${queueName}`;
}

/** The queue's own deadline, or middy's early timeout that fires just before it. */
function isTimeout(error: unknown): boolean {
  return error instanceof InvocationTimeoutError || (error as Error)?.name === "TimeoutError";
}

function describe(invocationError: unknown, logged: string | undefined): string {
  if (invocationError instanceof Error)
    return `${invocationError.name}: ${invocationError.message}`;
  if (invocationError !== undefined) return String(invocationError);
  return logged ?? "reported in batchItemFailures (the handler's log has the cause)";
}
