/**
 * What SQS and Lambda's event source mapping do with one message, written once for every stand-in: the local
 * queues (local-queue.ts) and the handler tests' fake AWS (tests/functions/fake-aws.ts). A receive counts a
 * delivery; the handler's answer says which records failed; a failed message goes back to the queue until it
 * has been received maxReceiveCount times, then to the dead-letter queue.
 */
import { createHash, randomUUID } from "node:crypto";
import type { SQSBatchResponse, SQSRecord } from "aws-lambda";
import type { QueuePolicy } from "../../../shared/pipeline/routing";

export interface QueueMessage {
  messageId: string;
  body: string;
  /** Deliveries so far (SQS ApproximateReceiveCount). */
  receiveCount: number;
  sentAt: number;
  firstReceivedAt?: number;
}

export function newMessage(
  body: string,
  messageId: string = randomUUID(),
  now = Date.now(),
): QueueMessage {
  return { messageId, body, receiveCount: 0, sentAt: now };
}

/** Hands the messages to an invocation: each receive is a delivery, counted before the handler runs. */
export function receive(batch: readonly QueueMessage[], now = Date.now()): void {
  for (const message of batch) {
    message.receiveCount += 1;
    message.firstReceivedAt ??= now;
  }
}

/** Where a message that failed this delivery goes next. */
export function afterFailure(message: QueueMessage, policy: QueuePolicy): "retry" | "dead-letter" {
  return message.receiveCount >= policy.maxReceiveCount ? "dead-letter" : "retry";
}

/**
 * The messages a response reports as failed. Like Lambda's event source mapping, an identifier that is not
 * in the batch (or empty) fails the whole batch rather than being ignored.
 */
export function failedIds(
  batch: readonly QueueMessage[],
  response: SQSBatchResponse | undefined,
): Set<string> {
  const inBatch = new Set(batch.map((m) => m.messageId));
  const reported = (response?.batchItemFailures ?? []).map((f) => f.itemIdentifier);
  if (reported.some((id) => !id || !inBatch.has(id))) return inBatch;
  return new Set(reported);
}

/** The record an invocation receives for the message, on the queue named by its ARN. */
export function sqsRecord(message: QueueMessage, queueArn: string): SQSRecord {
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
    eventSourceARN: queueArn,
    awsRegion: queueArn.split(":")[3] ?? "us-east-1",
  };
}
