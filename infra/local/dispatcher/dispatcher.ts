/**
 * The local stand-in for S3 notifications → SQS: s3rver's events are reshaped (notifications.ts), routed by
 * the shared routing table and sent to the stage's queue. It only routes: the queues and their consumers are
 * built before it (stage-queues.ts).
 */
import type { S3rverEvent } from "s3rver";
import type { ObjectStore } from "../../../shared/pipeline/ports";
import type { LocalBuckets } from "../s3/server";
import { notificationBody, type RoutedObject, routeRecord } from "./notifications";
import type { StageQueues } from "./stage-queues";

export interface DispatcherOptions {
  buckets: LocalBuckets;
  /** Reads the eTag of copied objects (s3rver's copy events have none). */
  store: ObjectStore;
  queues: StageQueues;
  /** Errors that happen outside any handler (a failed HEAD of a copied object). */
  onError?: (error: unknown) => void;
}

export class Dispatcher {
  constructor(private readonly options: DispatcherOptions) {}

  /** s3rver's "event" listener. Synchronous: the message is queued before s3rver answers the PUT. */
  readonly onS3Event = (event: S3rverEvent): void => {
    for (const record of event.Records) {
      const routed = routeRecord(this.options.buckets, record);
      if (!routed) continue;
      if (routed.eTag) this.sendObject({ ...routed, eTag: routed.eTag });
      else this.sendAfterHead(routed);
    }
  };

  private sendObject(object: RoutedObject & { eTag: string }): void {
    this.options.queues.send(object.stage, notificationBody(object));
  }

  private sendAfterHead(object: RoutedObject): void {
    const { store, queues, onError } = this.options;
    // The send happens inside beforeSend, so idle() never sees the HEAD done and the message not yet queued.
    void queues
      .beforeSend(
        store.head(object.bucket, object.key).then((head) => {
          if (head) this.sendObject({ ...object, eTag: head.etag, size: head.size });
        }),
      )
      .catch((error) => onError?.(error));
  }
}
