/**
 * An article whose language the normalizer could not tell ("und", e.g. Tibetan) goes out to Amazon Translate
 * as SourceLanguageCode "auto": Translate then detects it through Comprehend (the stack grants the translate
 * role comprehend:DetectDominantLanguage for exactly this).
 */
import { TranslateTextCommand, type TranslateTextCommandInput } from "@aws-sdk/client-translate";
import { afterEach, describe, expect, it } from "vitest";
import { translateArticle } from "../../../shared/translate/translate-article";
import { buildArticle, buildSummary } from "../../unit/translate/builders";
import { inputs, translateMock, translator } from "./translate-mock";

afterEach(() => {
  translateMock.reset();
});

describe("an article of undetermined language on Amazon Translate", () => {
  it("should send SourceLanguageCode auto and record the language Translate detected", async () => {
    // Prepare: Translate answers with the language it detected.
    translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => ({
      TranslatedText: (input.Text ?? "").toUpperCase(),
      SourceLanguageCode: "bo",
      TargetLanguageCode: input.TargetLanguageCode,
    }));
    const article = buildArticle(
      [
        { type: "title", sentences: ["བོད་ཡིག"] },
        { type: "paragraph", sentences: ["ཆུ་ཚོད་གཉིས་ལ་ཆར་པ་བབས།", "མི་མང་པོ་ཡོང་།"] },
      ],
      "und",
    );
    // Act
    const translation = await translateArticle({
      article,
      summary: buildSummary(article, ["s1"]),
      targetLanguage: "en",
      translator: translator(),
    });
    // Assess
    const sent = inputs();
    expect(sent.length).toBeGreaterThan(0);
    for (const input of sent) {
      expect(input.SourceLanguageCode).toBe("auto");
      expect(input.TargetLanguageCode).toBe("en");
    }
    expect(translation.targetLanguage).toBe("en");
    expect(translation.sourceLanguage).toBe("bo");
  });
});

describe("canonical language tags on Amazon Translate", () => {
  it("should send Translate its own codes for a canonical source and target, and keep the pipeline's tags", async () => {
    // Prepare: a Brazilian Portuguese override into Traditional Chinese, as the pipeline spells them.
    translateMock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => ({
      TranslatedText: input.Text ?? "",
      SourceLanguageCode: input.SourceLanguageCode,
      TargetLanguageCode: input.TargetLanguageCode,
    }));
    const article = buildArticle(
      [{ type: "paragraph", sentences: ["O porto fechou.", "Ninguém sabe por quê."] }],
      "pt-BR",
    );
    // Act
    const translation = await translateArticle({
      article,
      summary: buildSummary(article, ["s1"]),
      targetLanguage: "zh-Hant",
      translator: translator(),
    });
    // Assess
    const sent = inputs();
    expect(sent.length).toBeGreaterThan(0);
    for (const input of sent) {
      expect(input.SourceLanguageCode).toBe("pt");
      expect(input.TargetLanguageCode).toBe("zh-TW");
    }
    expect(translation.targetLanguage).toBe("zh-Hant");
  });
});
