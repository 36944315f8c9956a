import { describe, expect, it } from "vitest";
import { OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import type {
  ArticleProcessedDetail,
  ErrorRecord,
  Manifest,
} from "../../../../shared/contract/manifest";
import { parseConfig } from "../../../../shared/pipeline/config";
import type { TranslateJob } from "../../../../shared/pipeline/ports";
import { provenanceMetadata } from "../../../../shared/pipeline/provenance";
import { toJson } from "../../../../shared/pipeline/stages/context";
import {
  type DeadMessage,
  runDeadLetterStage,
} from "../../../../shared/pipeline/stages/dead-letter";
import { translationClaimFile } from "../../../../shared/pipeline/stages/translation-claim";
import { MemoryStore } from "../../../support/memory-store";
import { ID, RESULTS, SOURCE, storeWithSummarizedSample } from "./translate-fixture";

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const INGEST = SOURCE.bucket;

function consumer(store: MemoryStore, targetLanguages = "es") {
  const events: ArticleProcessedDetail[] = [];
  const ctx = {
    store,
    events: { publishArticleProcessed: async (d: ArticleProcessedDetail) => void events.push(d) },
    config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: targetLanguages }),
    logger: silent,
    now: () => new Date("2026-01-01T00:00:10Z"),
  };
  const run = (message: DeadMessage) =>
    runDeadLetterStage(ctx, { message, deliveries: 5, sentAt: new Date("2026-01-01T00:00:00Z") });
  return { events, run };
}

const json = <T>(store: MemoryStore, file: string) =>
  JSON.parse(store.text(RESULTS, outputKey(ID, file)) ?? "null") as T;

const job = (targetLanguage: string, targetLanguages: string[]): TranslateJob => ({
  articleId: ID,
  source: SOURCE,
  targetLanguage,
  targetLanguages,
});

async function storeWithSource(): Promise<MemoryStore> {
  const store = new MemoryStore();
  store.objects.set(`${INGEST}/${SOURCE.key}`, {
    body: Buffer.from("text"),
    etag: SOURCE.etag,
    metadata: {},
  });
  return store;
}

describe("dead-letter consumer: normalize", () => {
  const message: DeadMessage = { stage: "normalize", object: SOURCE };

  it("should record a failed manifest and one event for a source whose every delivery died", async () => {
    // Prepare
    const store = await storeWithSource();
    const { events, run } = consumer(store);
    // Act
    const result = await run(message);
    // Assess
    expect(result).toMatchObject({ outcome: "recorded", manifest: "failed" });
    expect(json<ErrorRecord>(store, OUTPUT_FILES.error)).toMatchObject({
      stage: "normalize",
      errorType: "DeliveriesExhaustedError",
    });
    const manifest = json<Manifest>(store, OUTPUT_FILES.manifest);
    expect(manifest).toMatchObject({
      status: "failed",
      timings: { startedAt: "2026-01-01T00:00:00.000Z" },
    });
    expect(events.map((e) => e.status)).toEqual(["failed"]);
  });

  it("should keep the stage's own error when it wrote error.json before dying", async () => {
    // Prepare: the stage recorded a permanent error, then died before the manifest.
    const store = await storeWithSource();
    const own = { stage: "normalize", errorType: "NoArticleBodyError", message: "no body" };
    const metadata = provenanceMetadata({ source: SOURCE, startedAt: "", durationMs: 0 });
    await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.error), toJson(own), { metadata });
    const { run } = consumer(store);
    // Act
    await run(message);
    // Assess
    expect(json<ErrorRecord>(store, OUTPUT_FILES.error)).toMatchObject(own);
    expect(json<Manifest>(store, OUTPUT_FILES.manifest).status).toBe("failed");
  });

  it("should record nothing for a source replaced by a newer upload", async () => {
    // Prepare
    const store = await storeWithSource();
    const { events, run } = consumer(store);
    // Act
    const result = await run({ stage: "normalize", object: { ...SOURCE, etag: "v0" } });
    // Assess
    expect(result.outcome).toBe("stale");
    expect(store.puts).toEqual([]);
    expect(events).toEqual([]);
  });

  it("should announce the manifest again, and write nothing, when the version already has one", async () => {
    // Prepare: a first consumer run recorded it.
    const store = await storeWithSource();
    const { events, run } = consumer(store);
    await run(message);
    const puts = store.puts.length;
    // Act
    const result = await run(message);
    // Assess: at least once, as every retry that finds the manifest (consumers dedupe on the etag)
    expect(result.outcome).toBe("already");
    expect(store.puts.length).toBe(puts);
    expect(events.map((e) => e.status)).toEqual(["failed", "failed"]);
  });
});

describe("dead-letter consumer: summarize", () => {
  it("should fail the article at summarize, listing the article it had", async () => {
    // Prepare: article.json of this version, no summary.
    const store = await storeWithSummarizedSample();
    store.objects.delete(`${RESULTS}/${outputKey(ID, OUTPUT_FILES.summary)}`);
    const articleKey = outputKey(ID, OUTPUT_FILES.article);
    const etag = (await store.head(RESULTS, articleKey))?.etag ?? "";
    const { events, run } = consumer(store);
    // Act
    const result = await run({
      stage: "summarize",
      object: { bucket: RESULTS, key: articleKey, etag },
    });
    // Assess
    expect(result).toMatchObject({ outcome: "recorded", manifest: "failed" });
    expect(json<ErrorRecord>(store, OUTPUT_FILES.error).stage).toBe("summarize");
    expect(json<Manifest>(store, OUTPUT_FILES.manifest).outputs).toMatchObject({
      article: articleKey,
    });
    expect(events).toHaveLength(1);
  });
});

describe("dead-letter consumer: translate", () => {
  it("should record the language and write a partial manifest when it was the last without an outcome", async () => {
    // Prepare: the job's claim is still held by the delivery that died.
    const store = await storeWithSummarizedSample();
    const claim = {
      articleId: ID,
      language: "es",
      sourceEtag: SOURCE.etag,
      status: "held",
      claimedAt: new Date().toISOString(),
    };
    await store.put(RESULTS, outputKey(ID, translationClaimFile("es")), toJson(claim));
    const { events, run } = consumer(store);
    // Act
    const result = await run({ stage: "translate", job: job("es", ["es"]) });
    // Assess
    expect(result).toMatchObject({ outcome: "recorded", manifest: "partial" });
    expect(json<ErrorRecord>(store, OUTPUT_FILES.translationError("es"))).toMatchObject({
      language: "es",
      errorType: "DeliveriesExhaustedError",
    });
    const manifest = json<Manifest>(store, OUTPUT_FILES.manifest);
    expect(manifest.languages.es?.status).toBe("failed");
    expect(manifest.outputs.report).toBeUndefined();
    expect(events.map((e) => e.status)).toEqual(["partial"]);
  });

  it("should wait for the languages still running: the last of them writes the manifest", async () => {
    // Prepare
    const store = await storeWithSummarizedSample();
    const { events, run } = consumer(store, "es,fr");
    // Act
    const result = await run({ stage: "translate", job: job("es", ["es", "fr"]) });
    // Assess
    expect(result).toEqual({ stage: "translate", articleId: ID, outcome: "recorded" });
    expect(store.text(RESULTS, outputKey(ID, OUTPUT_FILES.manifest))).toBeUndefined();
    expect(events).toEqual([]);
  });

  it("should finalize without rendering the report when the deliveries died after the translation", async () => {
    // Prepare: es is translated (.json and .txt); finalizing is what died.
    const store = await storeWithSummarizedSample();
    const metadata = provenanceMetadata({ source: SOURCE, startedAt: "", durationMs: 0 });
    await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.translationJson("es")), "{}", { metadata });
    await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.translationText("es")), "", { metadata });
    const { events, run } = consumer(store);
    // Act
    const result = await run({ stage: "translate", job: job("es", ["es"]) });
    // Assess
    expect(result).toMatchObject({ outcome: "recorded", manifest: "complete" });
    expect(store.text(RESULTS, outputKey(ID, OUTPUT_FILES.report))).toBeUndefined();
    expect(store.text(RESULTS, outputKey(ID, OUTPUT_FILES.translationError("es")))).toBeUndefined();
    expect(events.map((e) => e.status)).toEqual(["complete"]);
  });

  it("should drop a job of a superseded version", async () => {
    // Prepare
    const store = await storeWithSummarizedSample();
    const { events, run } = consumer(store);
    // Act
    const result = await run({
      stage: "translate",
      job: { ...job("es", ["es"]), source: { ...SOURCE, etag: "v0" } },
    });
    // Assess
    expect(result.outcome).toBe("stale");
    expect(events).toEqual([]);
  });
});
