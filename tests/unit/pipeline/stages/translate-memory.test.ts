import {
  ServiceUnavailableException,
  TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { AmazonTranslateTranslator } from "../../../../shared/adapters/amazon-translate";
import { OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import type { ArticleTranslation } from "../../../../shared/contract/translation";
import { provenanceMetadata } from "../../../../shared/pipeline/provenance";
import { toJson } from "../../../../shared/pipeline/stages/context";
import { translationMemoryFile } from "../../../../shared/pipeline/stages/translation-memory";
import type { MemoryStore } from "../../../support/memory-store";
import {
  deliverSpanishJob,
  ID,
  RESULTS,
  SOURCE,
  storeWithSummarizedSample,
} from "./translate-fixture";

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

const prepared = storeWithSummarizedSample;

function deliver(store: MemoryStore, attempt: number) {
  const translator = new AmazonTranslateTranslator({
    client: new TranslateClient({ region: "us-east-1" }),
    logger: { warn() {}, error() {} },
    maxRequestBytes: 400,
    concurrency: 1,
  });
  return deliverSpanishJob(store, translator, attempt);
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
