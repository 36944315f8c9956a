/**
 * The Amazon Translate adapter with a translation memory: a request answered in an earlier delivery is neither
 * sent nor billed again, and every request paid for now is recorded for the next delivery.
 */
import {
  ServiceUnavailableException,
  TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import {
  AmazonTranslateTranslator,
  TranslateUnavailableError,
} from "../../../shared/adapters/amazon-translate";
import { codePoints } from "../../../shared/translate/bytes";
import type { TranslationMemory } from "../../../shared/translate/port";

const translateMock = mockClient(TranslateClient);
const silent = { warn() {}, error() {} };

afterEach(() => {
  translateMock.reset();
});

function sentTexts(): string[] {
  return translateMock.commandCalls(TranslateTextCommand).map((c) => c.args[0].input.Text ?? "");
}

/** Answers with the text upper-cased; refuses (503) any request whose text contains `refuse`. */
function answer(refuse?: string): void {
  translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => {
    const text = input.Text ?? "";
    if (refuse && text.includes(refuse)) {
      throw new ServiceUnavailableException({ message: "injected 503", $metadata: {} });
    }
    return {
      TranslatedText: text.toUpperCase(),
      SourceLanguageCode: "en",
      TargetLanguageCode: "es",
    };
  });
}

function translator(): AmazonTranslateTranslator {
  return new AmazonTranslateTranslator({
    client: new TranslateClient({ region: "us-east-1" }),
    logger: silent,
    maxRequestBytes: 120,
    concurrency: 1,
  });
}

const emptyMemory = (): TranslationMemory => ({
  translations: new Map(),
  charactersBilled: 0,
  requests: 0,
});
const texts = Array.from({ length: 12 }, (_, i) => `${i}: The river rose two metres overnight.`);
const request = (memory: TranslationMemory) => ({
  sourceLanguage: "en",
  targetLanguage: "es",
  texts,
  memory,
});

describe("AmazonTranslateTranslator: translation memory", () => {
  it("should record every request it pays for, with the characters and requests billed", async () => {
    // Prepare
    answer();
    const memory = emptyMemory();

    // Act
    const result = await translator().translateTexts(request(memory));

    // Assess
    const sent = sentTexts();
    expect(sent.length).toBeGreaterThan(1);
    expect([...memory.translations]).toEqual(sent.map((text) => [text, text.toUpperCase()]));
    expect(memory.charactersBilled).toBe(result.charactersBilled);
    expect(memory.requests).toBe(result.requests);
  });

  it("should neither send nor bill a request the memory already answers", async () => {
    // Prepare
    answer();
    const memory = emptyMemory();
    const first = await translator().translateTexts(request(memory));
    translateMock.resetHistory();

    // Act
    const again = await translator().translateTexts(request(memory));

    // Assess
    expect(sentTexts()).toEqual([]);
    expect(again).toMatchObject({ texts: first.texts, charactersBilled: 0, requests: 0 });
    expect(memory.charactersBilled).toBe(first.charactersBilled);
  });

  it("should keep the answered requests of a failed call, and pay only for the refused one next time", async () => {
    // Prepare: the request carrying sentence 5 is refused; with one slot, later ones are sent after it.
    answer("5: ");
    const memory = emptyMemory();

    // Act
    const failed = translator().translateTexts(request(memory));

    // Assess
    await expect(failed).rejects.toBeInstanceOf(TranslateUnavailableError);
    const refused = sentTexts().filter((text) => text.includes("5: "));
    const answered = sentTexts().filter((text) => !text.includes("5: "));
    expect(refused).toHaveLength(1);
    expect([...memory.translations.keys()]).toEqual(answered);
    expect(memory.charactersBilled).toBe(answered.reduce((n, t) => n + codePoints(t), 0));

    // Act: the next delivery, with the service answering again.
    translateMock.reset();
    answer();
    const resumed = await translator().translateTexts(request(memory));

    // Assess
    expect(sentTexts()).toEqual(refused);
    expect(resumed.texts).toEqual(texts.map((t) => t.toUpperCase()));
    expect(resumed.charactersBilled).toBe(codePoints(refused[0] ?? ""));
    const everyRequest = [...answered, ...refused];
    expect(memory.charactersBilled).toBe(everyRequest.reduce((n, t) => n + codePoints(t), 0));
  });
});
