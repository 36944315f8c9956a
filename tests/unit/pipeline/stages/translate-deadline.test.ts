/**
 * Translate sees its deadline coming: before Lambda's timeout it stops sending, saves what it paid for,
 * releases its claim and hands the message back; the next delivery resumes where it stopped.
 */
import {
  TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { AmazonTranslateTranslator } from "../../../../shared/adapters/amazon-translate";
import { OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import type { ArticleTranslation } from "../../../../shared/contract/translation";
import { type Deadline, DeadlineReachedError } from "../../../../shared/pipeline/stages/deadline";
import { STOP_SENDING_RESERVE_MS } from "../../../../shared/pipeline/stages/translate-job";
import { translationClaimFile } from "../../../../shared/pipeline/stages/translation-claim";
import { translationMemoryFile } from "../../../../shared/pipeline/stages/translation-memory";
import type { MemoryStore } from "../../../support/memory-store";
import { deliverSpanishJob, ID, RESULTS, storeWithSummarizedSample } from "./translate-fixture";

const translateMock = mockClient(TranslateClient);
const jsonKey = outputKey(ID, OUTPUT_FILES.translationJson("es"));

afterEach(() => {
  translateMock.reset();
});

function service(): void {
  translateMock.reset();
  translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => ({
    TranslatedText: (input.Text ?? "")
      .split("\n")
      .map((line) => `[es] ${line}`)
      .join("\n"),
    SourceLanguageCode: "en",
    TargetLanguageCode: "es",
  }));
}

const sentTexts = () =>
  translateMock.commandCalls(TranslateTextCommand).map((c) => c.args[0].input.Text ?? "");

/**
 * A virtual Lambda clock: each request answered takes 100 s of a 300 s timeout, so the stop (less than
 * STOP_SENDING_RESERVE_MS left) comes after the third request, whatever the machine's speed.
 */
function virtualDeadline(): Deadline {
  return { remainingMs: () => 300_000 - sentTexts().length * 100_000 };
}

function deliver(store: MemoryStore, attempt: number, deadline?: Deadline) {
  const translator = new AmazonTranslateTranslator({
    client: new TranslateClient({ region: "us-east-1" }),
    logger: { warn() {}, error() {} },
    maxRequestBytes: 400,
    concurrency: 1,
  });
  return deliverSpanishJob(store, translator, attempt, deadline);
}

function json<T>(store: MemoryStore, key: string): T {
  return JSON.parse(store.text(RESULTS, key) ?? "null") as T;
}

async function cleanRun(): Promise<{ translation: ArticleTranslation; sent: string[] }> {
  const store = await storeWithSummarizedSample();
  service();
  await deliver(store, 1);
  return { translation: json(store, jsonKey), sent: sentTexts() };
}

describe("runTranslateStage near its deadline", () => {
  it("should resume a translation timed out mid-language on the next delivery and bill it once in total", async () => {
    // Prepare
    const clean = await cleanRun();
    expect(clean.sent.length).toBeGreaterThan(3);
    const store = await storeWithSummarizedSample();
    service();

    // Act
    const first = deliver(store, 1, virtualDeadline());
    await expect(first).rejects.toBeInstanceOf(DeadlineReachedError);
    const sentFirst = sentTexts();
    service();
    const second = await deliver(store, 2, virtualDeadline());
    const sentSecond = sentTexts();

    // Assess
    expect(sentFirst).toEqual(clean.sent.slice(0, 3));
    expect([...sentFirst, ...sentSecond]).toEqual(clean.sent);
    expect(second.outcome).toBe("written");
    expect(second.finalize).toBe("written");
    const recorded = json<ArticleTranslation>(store, jsonKey);
    expect(recorded).toEqual(clean.translation);
    expect(recorded.charactersBilled).toBe(clean.translation.charactersBilled);
  });

  it("should release its claim and save what it paid for when it stops for the deadline", async () => {
    // Prepare
    const store = await storeWithSummarizedSample();
    service();

    // Act
    await expect(deliver(store, 1, virtualDeadline())).rejects.toThrow(/timeout/);

    // Assess
    const claim = json<{ status: string }>(store, outputKey(ID, translationClaimFile("es")));
    const memory = json<{ translations: unknown[]; requests: number }>(
      store,
      outputKey(ID, translationMemoryFile("es")),
    );
    expect(claim.status).toBe("released");
    expect(memory.requests).toBe(3);
    expect(memory.translations.length).toBeGreaterThan(0);
    expect(store.text(RESULTS, jsonKey)).toBeUndefined();
  });

  it("should send nothing when the delivery starts with less than the reserve left", async () => {
    // Prepare
    const store = await storeWithSummarizedSample();
    service();
    const late: Deadline = { remainingMs: () => STOP_SENDING_RESERVE_MS - 1 };

    // Act
    const delivery = deliver(store, 1, late);

    // Assess
    await expect(delivery).rejects.toBeInstanceOf(DeadlineReachedError);
    expect(sentTexts()).toEqual([]);
  });

  it("should record the language's failure when the deadline stops its last delivery", async () => {
    // Prepare
    const store = await storeWithSummarizedSample();
    service();

    // Act
    const last = await deliver(store, 5, virtualDeadline());

    // Assess
    expect(last.outcome).toBe("failed");
    expect(last.finalize).toBe("written");
    const record = json<{ errorType: string }>(
      store,
      outputKey(ID, OUTPUT_FILES.translationError("es")),
    );
    expect(record.errorType).toBe("DeadlineReachedError");
  });
});
