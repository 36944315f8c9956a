/**
 * One local SQS queue + event source mapping: batches of up to `batchSize` handed to the handler with at most
 * `concurrency` invocations at once; a message that fails (the whole invocation throws or times out, or it is
 * named in batchItemFailures) becomes visible again after a delay and is retried until it has been received
 * `maxReceiveCount` times, then goes to the dead-letter folder. Memory stays bounded: past `maxInMemory`
 * waiting messages, new ones are spilled to files and read back in order. On close, waiting messages are
 * spilled too, and a queue opened on the same folder picks them up: like SQS, a restart loses nothing queued.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import type { QueuePolicy, StageName } from "../../../shared/pipeline/routing";
import type { DeadLetterFolder } from "./dead-letter";

export type QueueHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

export interface QueueMessage {
  messageId: string;
  body: string;
  /** Deliveries so far (SQS ApproximateReceiveCount). */
  receiveCount: number;
  sentAt: number;
  firstReceivedAt?: number;
}

export interface LocalQueueOptions {
  stage: StageName;
  policy: QueuePolicy;
  handler: QueueHandler;
  deadLetters: DeadLetterFolder;
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

export class InvocationTimeoutError extends Error {
  override readonly name = "InvocationTimeoutError";
}

const DEFAULT_RETRY_DELAY = (receiveCount: number) => Math.min(200 * 2 ** (receiveCount - 1), 5000);

export class LocalQueue {
  private readonly ready: QueueMessage[] = [];
  private spillHead = 0;
  private spillTail = 0;
  private running = 0;
  private runningMessages = 0;
  private readonly delayed = new Map<NodeJS.Timeout, QueueMessage>();
  private closed = false;
  private stoppedWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxInMemory: number;
  private readonly retryDelayMs: (receiveCount: number) => number;
  private readonly timeoutMs: number;

  constructor(private readonly options: LocalQueueOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.maxInMemory = Math.max(options.policy.batchSize, options.maxInMemory ?? 1000);
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY;
    this.timeoutMs = options.timeoutMs ?? options.policy.timeoutSeconds * 1000;
    this.adoptSpilled();
  }

  /** Messages a previous run left in the spill folder (spilled under load, or waiting at close). */
  private adoptSpilled(): void {
    let sequences: number[];
    try {
      sequences = readdirSync(this.options.spillDirectory)
        .filter((f) => /^\d{12}\.json$/.test(f))
        .map((f) => Number(f.slice(0, 12)));
    } catch {
      return;
    }
    if (sequences.length === 0) return;
    this.spillHead = Math.min(...sequences);
    this.spillTail = Math.max(...sequences) + 1;
  }

  /** Starts delivering the messages adopted from a previous run. */
  start(): void {
    this.pump();
  }

  /** Messages waiting, being processed, or waiting for a retry. Zero means the queue is drained. */
  get inFlight(): number {
    return this.ready.length + this.spilled + this.delayed.size + this.runningMessages;
  }

  get spilled(): number {
    return this.spillTail - this.spillHead;
  }

  send(body: string): string {
    const messageId = randomUUID();
    this.enqueue({ messageId, body, receiveCount: 0, sentAt: Date.now() });
    return messageId;
  }

  /**
   * Stops deliveries; waiting messages (and those waiting for a retry) go to the spill folder for the next
   * run. Resolves when the invocations already running have finished.
   */
  close(): Promise<void> {
    this.closed = true;
    for (const [timer, message] of this.delayed) {
      clearTimeout(timer);
      this.spill(message);
    }
    this.delayed.clear();
    for (const message of this.ready.splice(0)) this.spill(message);
    this.options.onChange?.();
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.stoppedWaiters.push(resolve));
  }

  private enqueue(message: QueueMessage): void {
    if (this.closed || this.spilled > 0 || this.ready.length >= this.maxInMemory)
      this.spill(message);
    else this.ready.push(message);
    this.pump();
    this.options.onChange?.();
  }

  private spill(message: QueueMessage): void {
    mkdirSync(this.options.spillDirectory, { recursive: true });
    writeFileSync(this.spillFile(this.spillTail), JSON.stringify(message));
    this.spillTail += 1;
  }

  private unspill(): void {
    if (this.closed) return;
    while (this.spilled > 0 && this.ready.length < this.maxInMemory) {
      const file = this.spillFile(this.spillHead);
      this.ready.push(JSON.parse(readFileSync(file, "utf8")) as QueueMessage);
      rmSync(file, { force: true });
      this.spillHead += 1;
    }
  }

  private spillFile(sequence: number): string {
    return join(this.options.spillDirectory, `${String(sequence).padStart(12, "0")}.json`);
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency) {
      if (this.ready.length < this.options.policy.batchSize) this.unspill();
      if (this.ready.length === 0) return;
      const batch = this.ready.splice(0, this.options.policy.batchSize);
      this.running += 1;
      this.runningMessages += batch.length;
      void this.invoke(batch).finally(() => {
        this.running -= 1;
        this.runningMessages -= batch.length;
        this.pump();
        this.options.onChange?.();
        if (this.running === 0) for (const resolve of this.stoppedWaiters.splice(0)) resolve();
      });
    }
  }

  private async invoke(batch: QueueMessage[]): Promise<void> {
    const now = Date.now();
    for (const message of batch) {
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
    }
    const event: SQSEvent = { Records: batch.map((m) => this.toRecord(m)) };
    let failed: Set<string>;
    let invocationError: unknown;
    try {
      const response = await this.withTimeout(this.options.handler(event));
      failed = failedIds(batch, response ?? undefined);
    } catch (error) {
      invocationError = error;
      failed = new Set(batch.map((m) => m.messageId));
    }
    for (const message of batch) {
      if (failed.has(message.messageId)) this.fail(message, invocationError);
    }
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new InvocationTimeoutError(
              `${this.options.stage} timed out after ${this.timeoutMs} ms`,
            ),
          ),
        this.timeoutMs,
      );
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private fail(message: QueueMessage, invocationError: unknown): void {
    if (message.receiveCount >= this.options.policy.maxReceiveCount) {
      this.options.deadLetters.write({
        stage: this.options.stage,
        messageId: message.messageId,
        body: message.body,
        receiveCount: message.receiveCount,
        sentAt: new Date(message.sentAt).toISOString(),
        deadLetteredAt: new Date().toISOString(),
        lastError: describe(invocationError, this.options.lastErrorOf?.(message.messageId)),
      });
      return;
    }
    if (this.closed) {
      this.spill(message);
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      this.enqueue(message);
    }, this.retryDelayMs(message.receiveCount));
    this.delayed.set(timer, message);
  }

  private toRecord(message: QueueMessage): SQSRecord {
    const queue = `article-pipeline-${this.options.stage}`;
    return {
      messageId: message.messageId,
      receiptHandle: `${message.messageId}#${message.receiveCount}`,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: "local",
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
      },
      messageAttributes: {},
      md5OfBody: createHash("md5").update(message.body).digest("hex"),
      eventSource: "aws:sqs",
      eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queue}`,
      awsRegion: "us-east-1",
    };
  }
}

/**
 * The messages a response reports as failed. Like Lambda's event source mapping, an identifier that is not
 * in the batch (or empty) fails the whole batch rather than being ignored.
 */
function failedIds(batch: QueueMessage[], response: SQSBatchResponse | undefined): Set<string> {
  const inBatch = new Set(batch.map((m) => m.messageId));
  const reported = (response?.batchItemFailures ?? []).map((f) => f.itemIdentifier);
  if (reported.some((id) => !id || !inBatch.has(id))) return inBatch;
  return new Set(reported);
}

function describe(invocationError: unknown, logged: string | undefined): string {
  if (invocationError instanceof Error)
    return `${invocationError.name}: ${invocationError.message}`;
  if (invocationError !== undefined) return String(invocationError);
  return logged ?? "reported in batchItemFailures (the handler's log has the cause)";
}
