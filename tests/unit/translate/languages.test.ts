import { describe, expect, it } from "vitest";
import { UnsupportedLanguagePairError } from "../../../shared/translate/errors";
import { translateArticleToLanguages } from "../../../shared/translate/languages";
import type { Translator } from "../../../shared/translate/port";
import { buildArticle, buildSummary, SAMPLE_BLOCKS } from "./builders";

describe("translateArticleToLanguages", () => {
  it("should give each language its own outcome: one failing does not fail or redo the others", async () => {
    // Prepare
    const article = buildArticle(SAMPLE_BLOCKS);
    const summary = buildSummary(article, ["s2"]);
    const calls: string[] = [];
    const translator: Translator = {
      engine: "amazon-translate",
      settings: {},
      async translateTexts(request) {
        calls.push(request.targetLanguage);
        if (request.targetLanguage === "xx") {
          throw new UnsupportedLanguagePairError("amazon-translate", "en", "xx", "refused");
        }
        return {
          texts: request.texts.map((t) => t.toUpperCase()),
          charactersBilled: 10,
          requests: 1,
        };
      },
    };
    // Act
    const results = await translateArticleToLanguages({
      article,
      summary,
      targetLanguages: ["es", "xx", "fr", "es", "en"],
      translator,
    });
    // Assess
    expect(results.map((r) => [r.language, r.status])).toEqual([
      ["es", "succeeded"],
      ["xx", "failed"],
      ["fr", "succeeded"],
      ["en", "succeeded"],
    ]);
    expect(calls.sort()).toEqual(["es", "fr", "xx"]);
    const failed = results[1];
    expect(failed?.status === "failed" && failed.error).toBeInstanceOf(
      UnsupportedLanguagePairError,
    );
    const english = results[3];
    expect(english?.status === "succeeded" && english.translation.engine).toBe("copy");
  });
});
