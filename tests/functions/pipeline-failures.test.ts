import { describe, expect, it } from "vitest";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import type { ErrorRecord, Manifest } from "../../shared/contract/manifest";
import { type FakeAws, INGEST, RESULTS } from "./fake-aws";
import {
  completionEvents,
  key,
  SAMPLE,
  SOURCE_KEY,
  validError,
  validManifest,
} from "./pipeline-fixture";
import { createHarness, type Harness, onFreshPipeline } from "./pipeline-harness";

let aws: FakeAws;
let pipeline: Harness;

onFreshPipeline((freshAws, freshPipeline) => {
  aws = freshAws;
  pipeline = freshPipeline;
});

describe("failures", () => {
  it("should report a poison message as a batch item failure and keep it in the DLQ, the rest succeeding", async () => {
    // Prepare
    aws.enqueue("normalize", "this is not an S3 event");
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    const { event, batch } = aws.receive("normalize");
    const response = await pipeline.handlers.normalize(event);
    // Assess: only the poison message failed
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
    expect(aws.object(RESULTS, key(OUTPUT_FILES.article))).toBeDefined();
    // …and after its last delivery it is in the dead-letter queue.
    aws.settle("normalize", batch, response);
    await pipeline.drain();
    expect(aws.deadLetters.normalize.map((r) => r.body)).toEqual(["this is not an S3 event"]);
    expect(aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest)).status).toBe("complete");
  });

  it("should record one language's failure and still complete the others as a partial manifest", async () => {
    // Prepare
    aws.translateBehaviour = (input) =>
      input.target === "fr"
        ? Object.assign(new Error("en to fr is not supported"), {
            name: "UnsupportedLanguagePairException",
            $metadata: { httpStatusCode: 400 },
          })
        : `[${input.target}] ${input.text.split("\n").join(`\n[${input.target}] `)}`;
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
    expect(manifest.status).toBe("partial");
    expect(manifest.languages.es?.status).toBe("succeeded");
    expect(manifest.languages.fr).toMatchObject({
      status: "failed",
      error: { type: expect.any(String) },
    });
    expect(Object.keys(manifest.outputs.translations)).toEqual(["es"]);
    const record = aws.json<ErrorRecord>(RESULTS, key(OUTPUT_FILES.translationError("fr")));
    expect(validError(record), JSON.stringify(validError.errors)).toBe(true);
    expect(record).toMatchObject({ stage: "translate", language: "fr" });
    expect(completionEvents(aws).map((d) => d.status)).toEqual(["partial"]);
  });

  it("should give up on a language after the queue's last delivery of a retryable error", async () => {
    // Prepare: fr keeps throttling.
    aws.translateBehaviour = (input) =>
      input.target === "fr"
        ? Object.assign(new Error("slow down"), {
            name: "ServiceUnavailableException",
            $metadata: { httpStatusCode: 503 },
          })
        : input.text;
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess: retried by the queue until its last delivery, then recorded instead of dead-lettered.
    expect(aws.translateCalls.filter((c) => c.target === "fr").length).toBeGreaterThanOrEqual(5);
    expect(aws.deadLetters.translate).toEqual([]);
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(manifest.status).toBe("partial");
    expect(manifest.languages.fr?.status).toBe("failed");
  });

  it("should write error.json and a failed manifest for bad input, leaving the source as it was", async () => {
    // Prepare
    const badKey = "incoming/empty.txt";
    const etag = aws.upload(badKey, "   \n\n  ");
    const badId = articleIdFromKey(badKey);
    // Act
    await pipeline.drain();
    // Assess
    const record = aws.json<ErrorRecord>(RESULTS, outputKey(badId, OUTPUT_FILES.error));
    expect(validError(record), JSON.stringify(validError.errors)).toBe(true);
    expect(record).toMatchObject({ stage: "normalize", source: { key: badKey, etag } });
    expect(record.message).toContain(badKey);
    const manifest = aws.json<Manifest>(RESULTS, outputKey(badId, OUTPUT_FILES.manifest));
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
    expect(manifest).toMatchObject({
      status: "failed",
      outputs: { error: outputKey(badId, OUTPUT_FILES.error) },
    });
    expect(completionEvents(aws).map((d) => d.status)).toEqual(["failed"]);
    expect(aws.object(INGEST, badKey)?.etag).toBe(etag);
    expect(aws.pending.summarize).toEqual([]);
  });

  it("should refuse a file over maxInputBytes from the event's size, without downloading it", async () => {
    // Prepare
    pipeline = createHarness(aws, { MAX_INPUT_BYTES: "1000" });
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess
    const record = aws.json<ErrorRecord>(RESULTS, key(OUTPUT_FILES.error));
    expect(record.errorType).toBe("InputTooLargeError");
    expect(
      aws.s3.commandCalls((await import("@aws-sdk/client-s3")).GetObjectCommand, {
        Bucket: INGEST,
      }),
    ).toHaveLength(0);
  });
});
