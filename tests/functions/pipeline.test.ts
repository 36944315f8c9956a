import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import type { ArticleProcessedDetail, ErrorRecord, Manifest } from "../../shared/contract/manifest";
import type { ArticleSummary } from "../../shared/contract/summary";
import type { ArticleTranslation } from "../../shared/contract/translation";
import { FakeAws, INGEST, RESULTS, sqsRecord } from "./fake-aws";
import { createHarness, type Harness } from "./pipeline-harness";

const ROOT = join(import.meta.dirname, "../..");
const SAMPLE = readFileSync(join(ROOT, "tests/fixtures/samples/harbour-strike.txt"));
const SOURCE_KEY = "incoming/news/Harbour strike+day 1 – Kelmouth.txt";
const ID = articleIdFromKey(SOURCE_KEY);
const key = (file: string) => outputKey(ID, file);

function schema(file: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, "shared/contract/schemas", file), "utf8")));
}
const validManifest = schema("manifest.schema.json");
const validError = schema("error-record.schema.json");
const validEvent = schema("completion-event.schema.json");

function completionEvents(aws: FakeAws) {
  return aws.events.map((e) => {
    const event = {
      source: e.Source,
      "detail-type": e.DetailType,
      detail: JSON.parse(e.Detail ?? "{}"),
    };
    expect(validEvent(event), JSON.stringify(validEvent.errors)).toBe(true);
    return event.detail as ArticleProcessedDetail;
  });
}

const billed = (aws: FakeAws) =>
  aws.translateCalls.reduce((sum, call) => sum + [...call.text].length, 0);

let aws: FakeAws;
let pipeline: Harness;

beforeEach(() => {
  vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "true");
  aws = new FakeAws();
  pipeline = createHarness(aws);
});

afterEach(() => {
  aws.restore();
  vi.unstubAllEnvs();
});

describe("the sample article through every stage", () => {
  it("should write every output, a complete manifest once, and one completion event", async () => {
    // Prepare
    const etag = aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess: outputs
    for (const file of [
      OUTPUT_FILES.article,
      OUTPUT_FILES.summary,
      OUTPUT_FILES.summaryText,
      OUTPUT_FILES.report,
      OUTPUT_FILES.translationJson("es"),
      OUTPUT_FILES.translationText("es"),
      OUTPUT_FILES.translationJson("fr"),
      OUTPUT_FILES.translationText("fr"),
    ]) {
      expect(aws.object(RESULTS, key(file)), file).toBeDefined();
    }
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
    expect(manifest).toMatchObject({
      status: "complete",
      source: { bucket: INGEST, key: SOURCE_KEY, etag },
      languages: { es: { status: "succeeded" }, fr: { status: "succeeded" } },
      outputs: { report: key(OUTPUT_FILES.report) },
    });
    expect(Object.keys(manifest.timings.stages).sort()).toEqual([
      "normalize",
      "summarize",
      "translate.es",
      "translate.fr",
    ]);
    // Every JSON output matches its contract schema.
    const validArticle = schema("article.schema.json");
    const validSummary = schema("summary.schema.json");
    const validTranslation = schema("translation.schema.json");
    expect(validArticle(aws.json(RESULTS, key(OUTPUT_FILES.article)))).toBe(true);
    expect(validSummary(aws.json(RESULTS, key(OUTPUT_FILES.summary)))).toBe(true);
    for (const lang of ["es", "fr"]) {
      const translation = aws.json(RESULTS, key(OUTPUT_FILES.translationJson(lang)));
      expect(validTranslation(translation), JSON.stringify(validTranslation.errors)).toBe(true);
    }
    // The summary and its translation line up sentence by sentence.
    const summary = aws.json<ArticleSummary>(RESULTS, key(OUTPUT_FILES.summary));
    const es = aws.json<ArticleTranslation>(RESULTS, key(OUTPUT_FILES.translationJson("es")));
    expect(summary.sentences.length).toBe(3);
    expect(es.summary.sentenceIds).toEqual(summary.sentences.map((s) => s.id));
    expect(es.summary.text.split("\n").every((line) => line.startsWith("[es] "))).toBe(true);
    expect(
      es.charactersBilled +
        aws.json<ArticleTranslation>(RESULTS, key(OUTPUT_FILES.translationJson("fr")))
          .charactersBilled,
    ).toBe(billed(aws));
    // One event, pointing at the manifest; no message left anywhere.
    expect(completionEvents(aws)).toEqual([
      expect.objectContaining({
        articleId: ID,
        status: "complete",
        manifest: { bucket: RESULTS, key: key(OUTPUT_FILES.manifest) },
      }),
    ]);
    expect(aws.deadLetters).toEqual({ normalize: [], summarize: [], translate: [] });
    // The source is untouched and nothing was written to the ingest bucket.
    expect(aws.object(INGEST, SOURCE_KEY)?.etag).toBe(etag);
    expect(aws.puts.filter((p) => p.startsWith(`${INGEST}/`))).toEqual([`${INGEST}/${SOURCE_KEY}`]);
  });

  it("should finalize from summarize when no target language is configured", async () => {
    // Prepare
    pipeline = createHarness(aws, { TARGET_LANGUAGES: "" });
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(manifest).toMatchObject({
      status: "complete",
      languages: {},
      outputs: { translations: {} },
    });
    expect(aws.translateCalls).toEqual([]);
    expect(completionEvents(aws)).toHaveLength(1);
  });
});

describe("observability", () => {
  it("should count articles per stage and the characters sent to Amazon Translate", async () => {
    // Prepare
    const addMetric = vi.spyOn(pipeline.metrics, "addMetric");
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess
    const total = (name: string) =>
      addMetric.mock.calls.filter(([n]) => n === name).reduce((sum, [, , v]) => sum + v, 0);
    expect(total("CharactersTranslated")).toBe(billed(aws));
    expect(total("CharactersTranslated")).toBeGreaterThan(1000);
    expect(total("Articles")).toBe(4);
    expect(addMetric.mock.calls.filter(([n]) => n === "StageDuration")).toHaveLength(4);
  });
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
    const es = jobs.find((j) => JSON.parse(j.record.body).targetLanguage === "es");
    await pipeline.handlers.translate({
      Records: [es?.record ?? sqsRecord("x", "{}", "translate")],
    });
    // Act: the summarize message comes back (its first delivery's visibility ran out).
    await pipeline.handlers.summarize({
      Records: summarizeEvent.Records.map((r) => ({
        ...r,
        attributes: { ...r.attributes, ApproximateReceiveCount: "2" },
      })),
    });
    // Assess: only fr is sent again; running it completes the article.
    expect(aws.pending.translate.map((j) => JSON.parse(j.record.body).targetLanguage)).toEqual([
      "fr",
    ]);
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

describe("failures", () => {
  it("should report a poison message as a batch item failure and keep it in the DLQ, the rest succeeding", async () => {
    // Prepare
    aws.enqueue("normalize", "this is not an S3 event");
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    const { event } = aws.receive("normalize");
    const response = await pipeline.handlers.normalize(event);
    // Assess: only the poison message failed
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
    expect(aws.object(RESULTS, key(OUTPUT_FILES.article))).toBeDefined();
    // …and after its last delivery it is in the dead-letter queue.
    aws.pending.normalize.push({ record: event.Records[0] as never, receives: 1 });
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
    expect(record.errorType).toBe("SourceTooLargeError");
    expect(
      aws.s3.commandCalls((await import("@aws-sdk/client-s3")).GetObjectCommand, {
        Bucket: INGEST,
      }),
    ).toHaveLength(0);
  });
});
