import { describe, expect, it } from "vitest";
import { OUTPUT_FILES } from "../../shared/contract/keys";
import type { Manifest } from "../../shared/contract/manifest";
import { type FakeAws, RESULTS, sqsRecord } from "./fake-aws";
import { completionEvents, key, SAMPLE, SOURCE_KEY } from "./pipeline-fixture";
import { type Harness, onFreshPipeline } from "./pipeline-harness";

let aws: FakeAws;
let pipeline: Harness;

onFreshPipeline((freshAws, freshPipeline) => {
  aws = freshAws;
  pipeline = freshPipeline;
});

describe("at-least-once delivery", () => {
  it("should do no work and bill no translation when every message is delivered again", async () => {
    // Prepare: a complete run, remembering every message each stage received.
    const delivered: Record<string, string[]> = { normalize: [], summarize: [], translate: [] };
    for (const stage of ["normalize", "summarize", "translate"] as const) {
      const original = pipeline.handlers[stage];
      pipeline.handlers[stage] = (event) => {
        delivered[stage]?.push(...event.Records.map((r) => r.body));
        return original(event);
      };
    }
    aws.upload(SOURCE_KEY, SAMPLE);
    await pipeline.drain();
    const calls = aws.translateCalls.length;
    const puts = aws.puts.length;
    const manifestEtag = aws.object(RESULTS, key(OUTPUT_FILES.manifest))?.etag;
    expect(delivered.translate).toHaveLength(2);
    // Act: SQS delivers every message a second time.
    for (const [stage, bodies] of Object.entries(delivered)) {
      for (const body of [...bodies]) aws.enqueue(stage as "normalize", body);
    }
    await pipeline.drain();
    // Assess: all six messages handled again, nothing translated, written or announced again.
    expect(delivered.translate).toHaveLength(4);
    expect(aws.translateCalls).toHaveLength(calls);
    expect(aws.puts.length).toBe(puts);
    expect(aws.object(RESULTS, key(OUTPUT_FILES.manifest))?.etag).toBe(manifestEtag);
    expect(aws.events).toHaveLength(1);
  });

  it("should resend only the jobs still missing when summarize is redelivered mid-translation", async () => {
    // Prepare: normalize and summarize ran; the es job was translated, the fr job was lost.
    aws.upload(SOURCE_KEY, SAMPLE);
    const { event: normalizeEvent } = aws.receive("normalize");
    await pipeline.handlers.normalize(normalizeEvent);
    const { event: summarizeEvent } = aws.receive("summarize");
    await pipeline.handlers.summarize(summarizeEvent);
    const jobs = aws.pending.translate.splice(0);
    const es = jobs.find((j) => JSON.parse(j.body).targetLanguage === "es");
    await pipeline.handlers.translate(
      es ? aws.deliver("translate", [es]) : { Records: [sqsRecord("x", "{}", "translate")] },
    );
    // Act: the summarize message comes back (its first delivery's visibility ran out).
    await pipeline.handlers.summarize({
      Records: summarizeEvent.Records.map((r) => ({
        ...r,
        attributes: { ...r.attributes, ApproximateReceiveCount: "2" },
      })),
    });
    // Assess: only fr is sent again; running it completes the article.
    expect(aws.pending.translate.map((j) => JSON.parse(j.body).targetLanguage)).toEqual(["fr"]);
    await pipeline.drain();
    expect(aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest)).status).toBe("complete");
    expect(aws.events).toHaveLength(1);
  });

  it("should not resend jobs for a duplicate first delivery of the article event", async () => {
    // Prepare: normalize and summarize ran; the jobs are queued but not yet translated.
    aws.upload(SOURCE_KEY, SAMPLE);
    await pipeline.handlers.normalize(aws.receive("normalize").event);
    const { event } = aws.receive("summarize");
    await pipeline.handlers.summarize(event);
    expect(aws.pending.translate).toHaveLength(2);
    // Act: S3 delivers the same notification again (a new message, first receive).
    await pipeline.handlers.summarize(event);
    // Assess
    expect(aws.pending.translate).toHaveLength(2);
    await pipeline.drain();
    expect(aws.translateCalls.filter((c) => c.target === "es")).toHaveLength(1);
  });

  it("should process a re-upload of the same key as a new version and replace the manifest once", async () => {
    // Prepare
    aws.upload(SOURCE_KEY, SAMPLE);
    await pipeline.drain();
    // Act
    const second = aws.upload(
      SOURCE_KEY,
      `${SAMPLE.toString("utf8")}\n\nA late paragraph was added to the story.`,
    );
    await pipeline.drain();
    // Assess
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(manifest.source.etag).toBe(second);
    expect(manifest.status).toBe("complete");
    expect(completionEvents(aws).map((d) => d.source.etag)).toEqual([expect.any(String), second]);
  });
});
