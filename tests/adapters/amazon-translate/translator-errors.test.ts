import {
  DetectedLanguageLowConfidenceException,
  InternalServerException,
  ServiceUnavailableException,
  TextSizeLimitExceededException,
  TooManyRequestsException,
  TranslateTextCommand,
  UnsupportedLanguagePairException,
} from "@aws-sdk/client-translate";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ChunkTooLargeError,
  SourceLanguageLowConfidenceError,
  TranslateUnavailableError,
} from "../../../shared/adapters/amazon-translate";
import { TRANSLATE_TEXT_MAX_BYTES } from "../../../shared/limits";
import { UnsupportedLanguagePairError } from "../../../shared/translate/errors";
import { inputs, meta, sentences, silent, translateMock, translator } from "./translate-mock";

afterEach(() => {
  translateMock.reset();
  vi.clearAllMocks();
});

describe("AmazonTranslateTranslator: errors", () => {
  it("should retry once with the detected language when detection confidence is low", async () => {
    translateMock
      .on(TranslateTextCommand)
      .rejectsOnce(
        new DetectedLanguageLowConfidenceException({
          message: "low",
          DetectedLanguageCode: "fr",
          ...meta,
        }),
      )
      .resolves({ TranslatedText: "Hello.", SourceLanguageCode: "fr", TargetLanguageCode: "en" });
    const result = await translator().translateTexts({
      sourceLanguage: "und",
      targetLanguage: "en",
      texts: ["Bonjour."],
    });
    expect(inputs().map((i) => i.SourceLanguageCode)).toEqual(["auto", "fr"]);
    expect(result.texts).toEqual(["Hello."]);
    expect(result.detectedSourceLanguage).toBe("fr");
    expect(result.requests).toBe(2);
    expect(result.charactersBilled).toBe("Bonjour.".length);
  });

  it("should not translate when the detected language is already the target", async () => {
    translateMock.on(TranslateTextCommand).rejects(
      new DetectedLanguageLowConfidenceException({
        message: "low",
        DetectedLanguageCode: "es",
        ...meta,
      }),
    );
    const result = await translator().translateTexts({
      sourceLanguage: "und",
      targetLanguage: "es",
      texts: ["Hola."],
    });
    expect(result.texts).toEqual(["Hola."]);
    expect(result).toMatchObject({
      requests: 1,
      charactersBilled: 0,
      detectedSourceLanguage: "es",
    });
  });

  it("should record the source language the service detected for an undetermined article", async () => {
    translateMock
      .on(TranslateTextCommand)
      .resolves({ TranslatedText: "Hello.", SourceLanguageCode: "de", TargetLanguageCode: "en" });
    const result = await translator().translateTexts({
      sourceLanguage: "und",
      targetLanguage: "en",
      texts: ["Hallo."],
    });
    expect(result.detectedSourceLanguage).toBe("de");
  });

  it("should give up with a typed error when the retry is still unsure", async () => {
    translateMock.on(TranslateTextCommand).rejects(
      new DetectedLanguageLowConfidenceException({
        message: "low",
        DetectedLanguageCode: "fr",
        ...meta,
      }),
    );
    await expect(
      translator().translateTexts({
        sourceLanguage: "und",
        targetLanguage: "en",
        texts: ["Bonjour."],
      }),
    ).rejects.toThrow(SourceLanguageLowConfidenceError);
    expect(inputs()).toHaveLength(2);
  });

  it("should give up with a typed error when the service names no guess", async () => {
    translateMock
      .on(TranslateTextCommand)
      .rejects(new DetectedLanguageLowConfidenceException({ message: "low", ...meta }));
    await expect(
      translator().translateTexts({ sourceLanguage: "und", targetLanguage: "en", texts: ["Hm."] }),
    ).rejects.toThrow(SourceLanguageLowConfidenceError);
    expect(inputs()).toHaveLength(1);
  });

  it("should make an unsupported pair terminal and send none of the language's queued requests", async () => {
    translateMock
      .on(TranslateTextCommand)
      .rejects(new UnsupportedLanguagePairException({ message: "no en-xx", ...meta }));
    const run = translator({ maxRequestBytes: 90, concurrency: 1 }).translateTexts({
      sourceLanguage: "en",
      targetLanguage: "xx",
      texts: sentences(6),
    });
    await expect(run).rejects.toThrow(UnsupportedLanguagePairError);
    await expect(run).rejects.toMatchObject({ retryable: false, targetLanguage: "xx" });
    expect(inputs()).toHaveLength(1);
  });

  it("should treat a text-size refusal as a chunking bug: terminal, and logged loudly", async () => {
    translateMock
      .on(TranslateTextCommand)
      .rejects(new TextSizeLimitExceededException({ message: "too big", ...meta }));
    const run = translator().translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts: ["Hi."],
    });
    await expect(run).rejects.toThrow(ChunkTooLargeError);
    await expect(run).rejects.toMatchObject({ retryable: false });
    expect(silent.error).toHaveBeenCalledWith(
      expect.stringContaining("CHUNKING BUG"),
      expect.objectContaining({ bytes: 3, limit: TRANSLATE_TEXT_MAX_BYTES }),
    );
  });

  it.each([
    [
      "TooManyRequestsException",
      () => new TooManyRequestsException({ message: "slow down", ...meta }),
    ],
    [
      "ServiceUnavailableException",
      () => new ServiceUnavailableException({ message: "down", ...meta }),
    ],
    ["InternalServerException", () => new InternalServerException({ message: "oops", ...meta })],
  ])(
    "should hand %s left after the SDK's retries back as a retryable typed error",
    async (_, error) => {
      translateMock.on(TranslateTextCommand).rejects(error());
      const run = translator().translateTexts({
        sourceLanguage: "en",
        targetLanguage: "es",
        texts: ["Hi."],
      });
      await expect(run).rejects.toThrow(TranslateUnavailableError);
      await expect(run).rejects.toMatchObject({ retryable: true });
    },
  );

  it("should let an unexpected error through unchanged", async () => {
    const boom = new Error("socket hang up");
    translateMock.on(TranslateTextCommand).rejects(boom);
    await expect(
      translator().translateTexts({ sourceLanguage: "en", targetLanguage: "es", texts: ["Hi."] }),
    ).rejects.toBe(boom);
  });
});
