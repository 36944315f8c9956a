/**
 * Sends message bodies to an SQS queue with SendMessageBatch, 10 a call (the API's cap). Entries SQS refuses
 * are sent again, alone with the other refused ones, after a growing pause; an entry refused for a fault of
 * the request itself (SenderFault, e.g. a body too large) is not retried, and is reported with SQS's reason.
 * A whole call that fails is retried by the SDK's own retry strategy first.
 */
import { SendMessageBatchCommand, type SQSClient } from "@aws-sdk/client-sqs";
import pLimit from "p-limit";
import { SQS_SEND_BATCH_MAX_ENTRIES } from "../../shared/limits";

export interface Outgoing {
  /** Names the message in failure reports (the object key). */
  label: string;
  body: string;
}

export interface SendFailure {
  label: string;
  reason: string;
}

export interface SqsSenderOptions {
  /** Attempts per entry, the first included. */
  maxAttempts?: number;
  /** Batches in flight at once. */
  concurrency?: number;
  /** Pause before the n-th attempt (n ≥ 2). */
  delayMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_DELAY = (attempt: number) => Math.min(100 * 2 ** (attempt - 2), 5000);

export class SqsSender {
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly delayMs: (attempt: number) => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
    options: SqsSenderOptions = {},
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.delayMs = options.delayMs ?? DEFAULT_DELAY;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Sends every message; returns those that could not be sent. `onSent` is told each accepted one. */
  async send(
    messages: readonly Outgoing[],
    onSent?: (message: Outgoing) => void,
  ): Promise<SendFailure[]> {
    const batches: Outgoing[][] = [];
    for (let i = 0; i < messages.length; i += SQS_SEND_BATCH_MAX_ENTRIES) {
      batches.push(messages.slice(i, i + SQS_SEND_BATCH_MAX_ENTRIES));
    }
    const slots = pLimit(this.concurrency);
    const failures = await Promise.all(
      batches.map((batch) => slots(() => this.sendBatch(batch, onSent))),
    );
    return failures.flat();
  }

  private async sendBatch(
    batch: readonly Outgoing[],
    onSent?: (message: Outgoing) => void,
  ): Promise<SendFailure[]> {
    let pending = [...batch];
    const failures: SendFailure[] = [];
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > 1) await this.sleep(this.delayMs(attempt));
      const response = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: pending.map((message, index) => ({
            Id: String(index),
            MessageBody: message.body,
          })),
        }),
      );
      const refused = new Map((response.Failed ?? []).map((entry) => [entry.Id, entry]));
      const retry: Outgoing[] = [];
      pending.forEach((message, index) => {
        const entry = refused.get(String(index));
        if (!entry) {
          onSent?.(message);
          return;
        }
        const reason = `${entry.Code ?? "Failed"}${entry.Message ? `: ${entry.Message}` : ""}`;
        if (entry.SenderFault || attempt >= this.maxAttempts) {
          failures.push({ label: message.label, reason });
        } else {
          retry.push(message);
        }
      });
      pending = retry;
    }
    return failures;
  }
}
