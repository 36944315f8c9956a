import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import type { ArticleTranslation } from "../../../shared/contract/translation";
import { translateArticle } from "../../../shared/translate/translate-article";
import { buildArticle, buildSummary, SAMPLE_BLOCKS } from "../translate/builders";

const schemaPath = fileURLToPath(
  new URL("../../../shared/contract/schemas/translation.schema.json", import.meta.url),
);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile<ArticleTranslation>(
  JSON.parse(readFileSync(schemaPath, "utf8")),
);

async function sampleTranslation(): Promise<ArticleTranslation> {
  const article = buildArticle(SAMPLE_BLOCKS);
  return translateArticle({
    article,
    summary: buildSummary(article, ["s2", "s4"]),
    targetLanguage: "pt-BR",
    translator: {
      engine: "amazon-translate",
      settings: {
        formality: "FORMAL",
        profanity: true,
        brevity: false,
        terminologyNames: ["news"],
      },
      async translateTexts(request) {
        return { texts: request.texts.map((t) => `pt:${t}`), charactersBilled: 42, requests: 1 };
      },
    },
  });
}

describe("translation.schema.json", () => {
  it("should accept what translateArticle produces", async () => {
    const translation = await sampleTranslation();
    expect(validate(translation), JSON.stringify(validate.errors)).toBe(true);
  });

  it("should accept a copy-through translation", async () => {
    const article = buildArticle(SAMPLE_BLOCKS);
    const copy = await translateArticle({
      article,
      summary: buildSummary(article, []),
      targetLanguage: "en",
      translator: {
        engine: "apertium",
        settings: {},
        translateTexts: () => Promise.reject(new Error("must not be called")),
      },
    });
    expect(validate(copy), JSON.stringify(validate.errors)).toBe(true);
  });

  it("should reject an unknown engine, a negative count and a missing summary", async () => {
    const translation = await sampleTranslation();
    expect(validate({ ...translation, engine: "google" })).toBe(false);
    expect(validate({ ...translation, charactersBilled: -1 })).toBe(false);
    const { summary: _summary, ...withoutSummary } = translation;
    expect(validate(withoutSummary)).toBe(false);
  });
});
