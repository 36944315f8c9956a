/** EventPublisher on Amazon EventBridge: the "Article Processed" event carries the manifest's location. */
import { type EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import type { ArticleProcessedDetail } from "../../contract/manifest";
import { COMPLETION_EVENT } from "../../contract/manifest";
import { pipelineErrorClass } from "../../errors";
import type { EventPublisher } from "../../pipeline/ports";

/** PutEvents accepted the call but not the entry (FailedEntryCount > 0): retry the delivery. */
export class EventNotPublishedError extends pipelineErrorClass("EventNotPublishedError", true) {}

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly eventBusName: string,
  ) {}

  async publishArticleProcessed(detail: ArticleProcessedDetail): Promise<void> {
    const response = await this.client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.eventBusName,
            Source: COMPLETION_EVENT.source,
            DetailType: COMPLETION_EVENT.detailType,
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
    if ((response.FailedEntryCount ?? 0) > 0) {
      const entry = response.Entries?.[0];
      throw new EventNotPublishedError(
        `PutEvents rejected the event: ${entry?.ErrorCode ?? "unknown"} ${entry?.ErrorMessage ?? ""}`,
        detail.manifest.key,
      );
    }
  }
}
