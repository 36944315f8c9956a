import { describe, expect, it, vi } from "vitest";
import {
  ArticleMisalignedError,
  TranslationMisalignedError,
} from "../../../shared/translate/errors";
import type { TranslateTextsRequest, Translator } from "../../../shared/translate/port";
import { translateArticle } from "../../../shared/translate/translate-article";
import { buildArticle, buildSummary, SAMPLE_BLOCKS } from "./builders";

/** A translator that tags every sentence with the target language, and counts what it was sent. */
function fakeTranslator(): Translator & { calls: TranslateTextsRequest[] } {
  const calls: TranslateTextsRequest[] = [];
  return {
    engine: "apertium",
    settings: { profanity: false },
    calls,
    async translateTexts(request) {
      calls.push(request);
      return {
        texts: request.texts.map((t) => `[${request.targetLanguage}] ${t}`),
        charactersBilled: request.texts.join("\n").length,
        requests: 1,
      };
    },
  };
}

describe("translateArticle", () => {
  it("should keep every block with its type and map every sentence id to its translation", async () => {
    // Prepare
    const article = buildArticle(SAMPLE_BLOCKS);
    const summary = buildSummary(article, ["s2", "s5"]);
    const translator = fakeTranslator();
    // Act
    const result = await translateArticle({ article, summary, targetLanguage: "es", translator });
    // Assess
    expect(result.engine).toBe("apertium");
    expect(result.sourceLanguage).toBe("en");
    expect(result.targetLanguage).toBe("es");
    expect(result.blocks.map((b) => [b.id, b.type])).toEqual(
      article.blocks.map((b) => [b.id, b.type]),
    );
    for (const block of result.blocks) {
      for (const s of block.sentences) {
        const source = article.sentences.find((x) => x.id === s.id);
        expect(s.text).toBe(`[es] ${source?.text}`);
      }
    }
    expect(result.settings).toEqual({ profanity: false });
  });

  it("should build the translated summary from the same call, by sentence id", async () => {
    const article = buildArticle(SAMPLE_BLOCKS);
    const summary = buildSummary(article, ["s2", "s5"]);
    const translator = fakeTranslator();
    const result = await translateArticle({ article, summary, targetLanguage: "fr", translator });
    expect(translator.calls).toHaveLength(1);
    expect(result.summary.sentenceIds).toEqual(["s2", "s5"]);
    expect(result.summary.text).toBe(
      `[fr] ${article.sentences[2]?.text}\n[fr] ${article.sentences[5]?.text}`,
    );
    expect(result.requests).toBe(1);
    expect(result.charactersBilled).toBeGreaterThan(0);
  });

  it("should copy without calling the engine when the target is the source language", async () => {
    const article = buildArticle(SAMPLE_BLOCKS, "en");
    const summary = buildSummary(article, ["s3"]);
    const translator = fakeTranslator();
    const spy = vi.spyOn(translator, "translateTexts");
    const result = await translateArticle({
      article,
      summary,
      targetLanguage: "en-GB",
      translator,
    });
    expect(spy).not.toHaveBeenCalled();
    expect(result.engine).toBe("copy");
    expect(result.charactersBilled).toBe(0);
    expect(result.requests).toBe(0);
    expect(result.blocks[2]?.sentences[0]?.text).toBe(article.sentences[2]?.text);
    expect(result.summary.text).toBe(article.sentences[3]?.text);
  });

  it("should not call the engine for an article without text", async () => {
    const article = buildArticle([]);
    const translator = fakeTranslator();
    const result = await translateArticle({
      article,
      summary: buildSummary(article, []),
      targetLanguage: "es",
      translator,
    });
    expect(translator.calls).toHaveLength(0);
    expect(result).toMatchObject({
      blocks: [],
      charactersBilled: 0,
      requests: 0,
      engine: "apertium",
    });
  });

  it("should record the source language the engine detected for an undetermined article", async () => {
    const article = buildArticle(SAMPLE_BLOCKS, "und");
    const summary = buildSummary(article, []);
    const translator: Translator = {
      ...fakeTranslator(),
      async translateTexts(request) {
        return {
          texts: [...request.texts],
          charactersBilled: 1,
          requests: 1,
          detectedSourceLanguage: "en",
        };
      },
    };
    const result = await translateArticle({ article, summary, targetLanguage: "de", translator });
    expect(result.sourceLanguage).toBe("en");
    expect(result.summary).toEqual({ sentenceIds: [], text: "" });
  });

  it("should reject a summary that picks a sentence the article lacks, naming the file", async () => {
    const article = buildArticle(SAMPLE_BLOCKS, "en", "floods.txt");
    const summary = buildSummary(article, ["s99"]);
    const run = translateArticle({
      article,
      summary,
      targetLanguage: "es",
      translator: fakeTranslator(),
    });
    await expect(run).rejects.toThrow(ArticleMisalignedError);
    await expect(run).rejects.toThrow(/floods\.txt: .*s99/);
  });

  it("should reject an engine answer with a different number of sentences", async () => {
    const article = buildArticle(SAMPLE_BLOCKS);
    const translator: Translator = {
      ...fakeTranslator(),
      async translateTexts() {
        return { texts: ["only one"], charactersBilled: 1, requests: 1 };
      },
    };
    await expect(
      translateArticle({
        article,
        summary: buildSummary(article, []),
        targetLanguage: "es",
        translator,
      }),
    ).rejects.toThrow(TranslationMisalignedError);
  });
});
