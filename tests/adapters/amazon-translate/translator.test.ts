import { TranslateTextCommand, type TranslateTextCommandInput } from "@aws-sdk/client-translate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TRANSLATE_TEXT_MAX_BYTES } from "../../../shared/limits";
import { ConfigError } from "../../../shared/pipeline/config";
import { codePoints } from "../../../shared/translate/bytes";
import { echoUpper, inputs, sentences, silent, translateMock, translator } from "./translate-mock";

afterEach(() => {
  translateMock.reset();
  vi.clearAllMocks();
});

describe("AmazonTranslateTranslator: chunking and billing", () => {
  it("should cut requests under the byte limit, one sentence per line, and count what it sends", async () => {
    // Prepare
    echoUpper();
    const texts = sentences(40);
    // Act
    const result = await translator({ maxRequestBytes: 300 }).translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts,
    });
    // Assess
    const sent = inputs().map((i) => i.Text ?? "");
    expect(sent.length).toBeGreaterThan(1);
    for (const text of sent) expect(Buffer.byteLength(text, "utf8")).toBeLessThanOrEqual(300);
    expect(sent.join("\n").split("\n")).toEqual(texts);
    expect(result.texts).toEqual(texts.map((t) => t.toUpperCase()));
    expect(result.requests).toBe(sent.length);
    expect(result.charactersBilled).toBe(sent.reduce((n, t) => n + codePoints(t), 0));
  });

  it("should keep Arabic, Chinese and emoji requests under the limit in bytes, not string length", async () => {
    echoUpper();
    const texts = [
      ...sentences(10, "ارتفع منسوب النهر مترين خلال الليل في وسط المدينة."),
      ...sentences(10, "河水一夜之间上涨了两米，居民们把车开到了高处。"),
      ...sentences(10, "Flood 🌊🌧️ warning 👍🏽 for the whole valley tonight."),
    ];
    const result = await translator({ maxRequestBytes: 200 }).translateTexts({
      sourceLanguage: "und",
      targetLanguage: "en",
      texts,
    });
    for (const input of inputs()) {
      expect(Buffer.byteLength(input.Text ?? "", "utf8")).toBeLessThanOrEqual(200);
      expect(input.SourceLanguageCode).toBe("auto");
    }
    expect(result.texts).toHaveLength(30);
  });

  it("should cut a sentence longer than a request at whitespace and rejoin its translation", async () => {
    echoUpper();
    const long = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(" ");
    expect(Buffer.byteLength(long)).toBeGreaterThan(TRANSLATE_TEXT_MAX_BYTES);
    const result = await translator().translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts: ["Short one.", long],
    });
    for (const input of inputs()) {
      expect(Buffer.byteLength(input.Text ?? "")).toBeLessThanOrEqual(TRANSLATE_TEXT_MAX_BYTES);
    }
    expect(result.texts).toEqual(["SHORT ONE.", long.toUpperCase()]);
    // Within one request of the minimum: the cut sentence starts a request of its own.
    const minimum = Math.ceil(Buffer.byteLength(`Short one.\n${long}`) / TRANSLATE_TEXT_MAX_BYTES);
    expect(result.requests).toBeLessThanOrEqual(minimum + 1);
  });

  it("should fall back to one request per sentence only for a chunk whose lines came back merged", async () => {
    // Prepare: the chunk holding sentence "1: …" comes back as one line.
    translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => {
      const text = input.Text ?? "";
      const merged = text.includes("\n") && text.includes("1: ") ? text.replace(/\n/g, " ") : text;
      return {
        TranslatedText: merged.toUpperCase(),
        SourceLanguageCode: "en",
        TargetLanguageCode: "es",
      };
    });
    const texts = sentences(6);
    // Act
    const result = await translator({ maxRequestBytes: 90 }).translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts,
    });
    // Assess: 3 chunks of 2; the first is sent again line by line, the others once.
    expect(result.texts).toEqual(texts.map((t) => t.toUpperCase()));
    expect(result.requests).toBe(3 + 2);
    expect(inputs().filter((i) => i.Text?.includes("3: "))).toHaveLength(1);
    expect(silent.warn).toHaveBeenCalledOnce();
  });
});

describe("AmazonTranslateTranslator: settings", () => {
  it("should pass formality, profanity, brevity and the terminology to every request", async () => {
    echoUpper();
    const withSettings = translator({
      maxRequestBytes: 100,
      settings: {
        formality: "FORMAL",
        profanity: true,
        brevity: true,
        terminologyNames: ["news-terms"],
      },
    });
    await withSettings.translateTexts({
      sourceLanguage: "en",
      targetLanguage: "de",
      texts: sentences(6),
    });
    expect(inputs().length).toBeGreaterThan(1);
    for (const input of inputs()) {
      expect(input.Settings).toEqual({ Formality: "FORMAL", Profanity: "MASK", Brevity: "ON" });
      expect(input.TerminologyNames).toEqual(["news-terms"]);
    }
    expect(withSettings.settings).toEqual({
      formality: "FORMAL",
      profanity: true,
      brevity: true,
      terminologyNames: ["news-terms"],
    });
  });

  it("should send no Settings and no TerminologyNames when none are configured", async () => {
    echoUpper();
    await translator().translateTexts({
      sourceLanguage: "en",
      targetLanguage: "de",
      texts: ["Hi."],
    });
    expect(inputs()[0]).toEqual({
      Text: "Hi.",
      SourceLanguageCode: "en",
      TargetLanguageCode: "de",
    });
  });

  it("should refuse more terminologies than one request takes", () => {
    expect(() =>
      translator({ settings: { profanity: false, brevity: false, terminologyNames: ["a", "b"] } }),
    ).toThrow(ConfigError);
  });
});

describe("AmazonTranslateTranslator: concurrency", () => {
  it("should never have more requests in flight than configured, across languages", async () => {
    // Prepare: each request waits until released, so overlap is observable without timing.
    let inFlight = 0;
    let maxInFlight = 0;
    translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return { TranslatedText: input.Text, SourceLanguageCode: "en", TargetLanguageCode: "es" };
    });
    const shared = translator({ maxRequestBytes: 90, concurrency: 3 });
    // Act
    const results = await Promise.all(
      ["es", "fr", "de"].map((targetLanguage) =>
        shared.translateTexts({ sourceLanguage: "en", targetLanguage, texts: sentences(8) }),
      ),
    );
    // Assess
    expect(inputs()).toHaveLength(12);
    expect(maxInFlight).toBe(3);
    for (const result of results) expect(result.texts).toEqual(sentences(8));
  });
});
