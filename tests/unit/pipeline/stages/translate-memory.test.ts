/**
 * Translate stage with a translation memory (claims/memory-<lang>.json): a delivery that fails midway saves what
 * it paid for, the next one pays only for the rest, and the translation record states the whole cost. The real
 * Amazon Translate adapter runs on a mocked client; the store is in memory.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ServiceUnavailableException,
  TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { AmazonTranslateTranslator } from "../../../../shared/adapters/amazon-translate";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import type { ArticleTranslation } from "../../../../shared/contract/translation";
import { normalizeArticle } from "../../../../shared/normalize";
import { parseConfig } from "../../../../shared/pipeline/config";
import type { TranslateJob } from "../../../../shared/pipeline/ports";
import { provenanceMetadata } from "../../../../shared/pipeline/provenance";
import { toJson } from "../../../../shared/pipeline/stages/context";
import { runTranslateStage } from "../../../../shared/pipeline/stages/translate";
import { translationMemoryFile } from "../../../../shared/pipeline/stages/translation-memory";
import { summarizeArticle } from "../../../../shared/summarize";
import { MemoryStore } from "./memory-store";

const RESULTS = "results-bucket";
const SOURCE = { bucket: "ingest", key: "incoming/harbour-strike.txt", etag: "v1" };
const ID = articleIdFromKey(SOURCE.key);
const SAMPLE = join(import.meta.dirname, "../../../fixtures/samples/harbour-strike.txt");
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const translateMock = mockClient(TranslateClient);
const jsonKey = outputKey(ID, OUTPUT_FILES.translationJson("es"));
const memoryKey = outputKey(ID, translationMemoryFile("es"));

afterEach(() => {
  translateMock.reset();
});

/** Answers with "[es] " before each line; refuses (503) the requests whose text is in `refused`. */
function service(...refused: string[]): void {
  translateMock.reset();
  translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => {
    const text = input.Text ?? "";
    if (refused.includes(text)) {
      throw new ServiceUnavailableException({ message: "injected 503", $metadata: {} });
    }
    const translated = text
      .split("\n")
      .map((line) => `[es] ${line}`)
      .join("\n");
    return { TranslatedText: translated, SourceLanguageCode: "en", TargetLanguageCode: "es" };
  });
}

const sentTexts = () =>
  translateMock.commandCalls(TranslateTextCommand).map((c) => c.args[0].input.Text ?? "");

async function prepared(): Promise<MemoryStore> {
  const store = new MemoryStore();
  const article = normalizeArticle({ bytes: readFileSync(SAMPLE), fileName: SOURCE.key });
  const summary = summarizeArticle(article, { mode: "sentences", value: 3 });
  const metadata = provenanceMetadata({ source: SOURCE, startedAt: "", durationMs: 0 });
  await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.article), toJson(article), { metadata });
  await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.summary), toJson(summary), { metadata });
  return store;
}

function deliver(store: MemoryStore, attempt: number) {
  const job: TranslateJob = {
    articleId: ID,
    source: SOURCE,
    targetLanguage: "es",
    targetLanguages: ["es"],
  };
  const translator = new AmazonTranslateTranslator({
    client: new TranslateClient({ region: "us-east-1" }),
    logger: { warn() {}, error() {} },
    maxRequestBytes: 400,
    concurrency: 1,
  });
  return runTranslateStage(
    {
      store,
      translator,
      events: { publishArticleProcessed: async () => {} },
      config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "es" }),
      logger: silent,
      now: () => new Date(),
    },
    { job, delivery: { attempt, maxAttempts: 5 } },
  );
}

async function storedTranslation(store: MemoryStore): Promise<ArticleTranslation> {
  const stored = await store.get(RESULTS, jsonKey);
  return JSON.parse(Buffer.from(stored?.body ?? []).toString("utf8"));
}

/** The record and requests of one delivery with nothing refused, to compare a resumed language with. */
async function cleanRun(): Promise<{ translation: ArticleTranslation; sent: string[] }> {
  const store = await prepared();
  service();
  await deliver(store, 1);
  const sent = sentTexts();
  return { translation: await storedTranslation(store), sent };
}

describe("runTranslateStage translation memory", () => {
  it("should save what a failed delivery paid for, and let the next delivery pay only for the rest", async () => {
    // Prepare
    const clean = await cleanRun();
    expect(clean.sent.length).toBeGreaterThan(2);
    const refusedText = clean.sent[1] ?? "";
    const store = await prepared();

    // Act: the second request is refused at the first delivery.
    service(refusedText);
    await expect(deliver(store, 1)).rejects.toThrow(/ServiceUnavailableException/);
    const firstDelivery = sentTexts();
    service();
    const second = await deliver(store, 2);

    // Assess
    expect(firstDelivery).toEqual(clean.sent);
    expect(sentTexts()).toEqual([refusedText]);
    expect(second.outcome).toBe("written");
    expect(second.charactersBilled).toBeLessThan(clean.translation.charactersBilled);
    expect(await storedTranslation(store)).toEqual(clean.translation);
  });

  it("should record the cost of every delivery in translations/<lang>.json", async () => {
    // Prepare
    const clean = await cleanRun();
    const store = await prepared();
    const [first = "", second = ""] = clean.sent;
    service(first, second);
    await expect(deliver(store, 1)).rejects.toThrow();
    service(second);
    await expect(deliver(store, 2)).rejects.toThrow();
    service();

    // Act
    const third = await deliver(store, 3);

    // Assess
    expect(sentTexts()).toEqual([second]);
    const recorded = await storedTranslation(store);
    expect(third.charactersBilled).toBeLessThan(recorded.charactersBilled);
    expect(recorded.charactersBilled).toBe(clean.translation.charactersBilled);
    expect(recorded.requests).toBe(clean.translation.requests);
  });

  it("should ignore a memory saved for another version of the source", async () => {
    // Prepare
    const clean = await cleanRun();
    const store = await prepared();
    const older = { ...SOURCE, etag: "v0" };
    const stale = {
      articleId: ID,
      language: "es",
      charactersBilled: 999,
      requests: 9,
      translations: clean.sent.map((text) => [text, "stale answer"]),
    };
    await store.put(RESULTS, memoryKey, toJson(stale), {
      metadata: provenanceMetadata({ source: older, startedAt: "", durationMs: 0 }),
    });
    service();

    // Act
    await deliver(store, 1);

    // Assess
    expect(sentTexts()).toEqual(clean.sent);
    expect(await storedTranslation(store)).toEqual(clean.translation);
  });

  it("should save no memory when the failed delivery paid for nothing", async () => {
    // Prepare
    const store = await prepared();
    translateMock.reset();
    translateMock
      .on(TranslateTextCommand)
      .rejects(new ServiceUnavailableException({ message: "down", $metadata: {} }));

    // Act
    await expect(deliver(store, 1)).rejects.toThrow();

    // Assess
    expect(store.puts).not.toContain(memoryKey);
  });
});
