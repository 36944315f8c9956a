/** The message a backfill sends for one stored object: the notification S3 would have sent on its upload. */
import { s3NotificationBody } from "../../functions/common/events";
import type { StoredSource } from "./sources";
import type { Outgoing } from "./sqs-sender";

/** The notification's configurationId and principal: the pipeline's logs tell a backfill from an upload. */
export const BACKFILL_CONFIGURATION_ID = "article-pipeline-backfill";

export function backfillMessage(bucket: string, source: StoredSource, region: string): Outgoing {
  return {
    label: source.key,
    body: s3NotificationBody({
      bucket,
      key: source.key,
      etag: source.etag,
      size: source.size,
      // The object was created by a PUT (or a multipart upload) when it was stored: that is the event replayed.
      eventName: "ObjectCreated:Put",
      eventTime: source.lastModified.toISOString(),
      // S3's sequencer orders events for one key; the stored version's time orders them the same way.
      sequencer: source.lastModified.getTime().toString(16).toUpperCase().padStart(16, "0"),
      configurationId: BACKFILL_CONFIGURATION_ID,
      awsRegion: region,
      principalId: BACKFILL_CONFIGURATION_ID,
      sourceIp: "0.0.0.0",
    }),
  };
}
