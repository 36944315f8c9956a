/** TranslateJobQueue on Amazon SQS: one message per language, sent in batches of up to 10 (the API's cap). */
import { SendMessageBatchCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { pipelineErrorClass } from "../../errors";
import { SQS_SEND_BATCH_MAX_ENTRIES } from "../../limits";
import type { TranslateJob, TranslateJobQueue } from "../../pipeline/ports";

/** Some messages were not accepted; the summarize delivery is retried (translate jobs are idempotent). */
export class JobsNotSentError extends pipelineErrorClass("JobsNotSentError", true) {}

export class SqsTranslateJobQueue implements TranslateJobQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(jobs: readonly TranslateJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += SQS_SEND_BATCH_MAX_ENTRIES) {
      const batch = jobs.slice(i, i + SQS_SEND_BATCH_MAX_ENTRIES);
      const response = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((job, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify(job),
          })),
        }),
      );
      const failed = response.Failed ?? [];
      if (failed.length > 0) {
        const detail = failed.map((f) => `${f.Id}: ${f.Code} ${f.Message ?? ""}`).join("; ");
        throw new JobsNotSentError(`${failed.length} translate job(s) not sent: ${detail}`);
      }
    }
  }
}
