import { describe, expect, it } from "vitest";
import {
  deliveryOf,
  MalformedMessageError,
  parseS3Notification,
  parseTranslateJob,
  s3NotificationBody,
} from "../../functions/common/events";
import { s3Notification, sqsRecord } from "./fake-aws";

const record = (body: unknown) =>
  sqsRecord("m-1", typeof body === "string" ? body : JSON.stringify(body), "normalize");

describe("parseS3Notification", () => {
  it("should decode form-encoded keys: '+' is a space, %2B a plus, then percent-decoding", () => {
    // Prepare
    const body = s3Notification("b", "x", "etag", 1);
    (body.Records[0] as { s3: { object: { key: string } } }).s3.object.key =
      "incoming/Caf%C3%A9+menu+%2B+prices.txt";
    // Act
    const [object] = parseS3Notification(record(body));
    // Assess
    expect(object).toEqual({
      bucket: "b",
      key: "incoming/Café menu + prices.txt",
      etag: "etag",
      size: 1,
    });
  });

  it("should announce nothing for S3's test event and for non-create events", () => {
    expect(parseS3Notification(record({ Service: "Amazon S3", Event: "s3:TestEvent" }))).toEqual(
      [],
    );
    const removed = s3Notification("b", "incoming/a.txt", "e", 1);
    (removed.Records[0] as { eventName: string }).eventName = "ObjectRemoved:Delete";
    expect(parseS3Notification(record(removed))).toEqual([]);
  });

  it.each([
    ["not json at all", /body is not JSON/],
    [{ hello: "world" }, /not an S3 event notification/],
    [{ Records: [{ eventName: "ObjectCreated:Put", s3: { bucket: {} } }] }, /without bucket name/],
    [
      {
        Records: [
          {
            eventName: "ObjectCreated:Put",
            s3: { bucket: { name: "b" }, object: { key: "%E0%A4%A" } },
          },
        ],
      },
      /not valid form-encoding/,
    ],
  ])("should refuse %j with a typed error naming the message", (body, message) => {
    expect(() => parseS3Notification(record(body))).toThrow(MalformedMessageError);
    expect(() => parseS3Notification(record(body))).toThrow(message);
    expect(() => parseS3Notification(record(body))).toThrow(/message m-1/);
  });
});

describe("parseTranslateJob", () => {
  it("should accept a job and refuse one without its source etag", () => {
    const job = {
      articleId: "a",
      source: { bucket: "b", key: "incoming/a.txt", etag: "e" },
      targetLanguage: "es",
      targetLanguages: ["es", "fr"],
    };
    expect(parseTranslateJob(record(job))).toEqual(job);
    expect(() => parseTranslateJob(record({ ...job, source: { bucket: "b", key: "k" } }))).toThrow(
      MalformedMessageError,
    );
  });
});

describe("deliveryOf", () => {
  it("should read SQS's receive count, defaulting to a first delivery", () => {
    const r = record("{}");
    expect(
      deliveryOf({ ...r, attributes: { ...r.attributes, ApproximateReceiveCount: "3" } }, 5),
    ).toEqual({
      attempt: 3,
      maxAttempts: 5,
      isRetry: true,
      isLast: false,
    });
    expect(
      deliveryOf({ ...r, attributes: { ...r.attributes, ApproximateReceiveCount: "" } }, 5).attempt,
    ).toBe(1);
  });
});

describe("s3NotificationBody", () => {
  it("should build the message parseS3Notification reads back, key form-encoded as S3 sends it", () => {
    // Prepare
    const object = {
      bucket: "ingest",
      key: "incoming/Café menu + prices (2024).txt",
      etag: "0123abcd",
      size: 42,
    };
    // Act
    const body = s3NotificationBody({
      ...object,
      eventName: "ObjectCreated:Put",
      eventTime: "2024-01-31T00:00:00.000Z",
      sequencer: "0055AED6DCD90281E5",
      configurationId: "backfill",
      awsRegion: "eu-west-1",
      principalId: "backfill",
      sourceIp: "0.0.0.0",
    });
    // Assess
    expect(JSON.parse(body).Records[0].s3.object.key).toBe(
      "incoming/Caf%C3%A9+menu+%2B+prices+%282024%29.txt",
    );
    expect(parseS3Notification(record(body))).toEqual([object]);
  });
});
