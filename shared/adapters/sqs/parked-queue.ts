/** ParkedQueue on Amazon SQS: the message body unchanged, so a redrive hands the stage what it failed on. */
import { SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { ParkedMessage, ParkedQueue } from "../../pipeline/ports";
import type { StageName } from "../../pipeline/routing";

export class SqsParkedQueue implements ParkedQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrls: Readonly<Record<StageName, string>>,
  ) {}

  async park(message: ParkedMessage): Promise<void> {
    const attribute = (value: string) => ({ DataType: "String", StringValue: value });
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrls[message.stage],
        MessageBody: message.body,
        // For the operator reading the parked queue; the stages ignore message attributes.
        MessageAttributes: {
          stage: attribute(message.stage),
          originalMessageId: attribute(message.messageId),
          receiveCount: attribute(String(message.receiveCount)),
          note: attribute(message.note.slice(0, 1000)),
        },
      }),
    );
  }
}
