import { describe, expect, it } from "vitest";
import { normalizeArticle } from "../../../shared/normalize";
import { detectLanguage, languageOverride } from "../../../shared/normalize/language";
import { normalizeText, utf8 } from "./helpers";

describe("detectLanguage", () => {
  it.each([
    ["Iraq Joins Up", "en"],
    ["Before You Go", "en"],
    ["Two Very Old Enemies Could Join Forces To Save Iraq", "en"],
    ["Le gouvernement a annoncé mardi une réforme des retraites.", "fr"],
    ["El Gobierno aprobó ayer la reforma laboral.", "es"],
    ["Die Regierung hat am Dienstag eine Reform angekündigt.", "de"],
    ["政府は火曜日に改革を発表した。", "ja"],
  ])("should detect %j as %s", (text, code) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  it("should be less sure about a three-word headline than about a paragraph", () => {
    const short = detectLanguage("Iraq Joins Up");
    const long = detectLanguage(
      "Iran has said it is willing to co-operate with the United States to help Iraq in its fight against radical Sunni insurgents.",
    );
    expect(short.confidence).toBeLessThan(long.confidence);
    expect(long.confidence).toBeGreaterThan(0.8);
    expect(short.confidence).toBeGreaterThan(0);
  });

  it("should say und for text without letters", () => {
    expect(detectLanguage("12,000 - 3.5%")).toEqual({
      code: "und",
      confidence: 0,
      method: "detected",
    });
  });
});

describe("language overrides", () => {
  it("should prefer languageOverride (object metadata) over the JSON language and detection", () => {
    const bytes = utf8(JSON.stringify({ text: "The port is shut.", language: "fr" }));
    const article = normalizeArticle({ bytes, fileName: "a.json", languageOverride: "pt-br" });
    expect(article.language).toEqual({ code: "pt-BR", confidence: 1, method: "override" });
  });

  it("should use the JSON language over detection", () => {
    const article = normalizeText(
      JSON.stringify({ text: "The port is shut.", language: "es" }),
      "a.json",
    );
    expect(article.language).toEqual({ code: "es", confidence: 1, method: "override" });
  });

  it("should reject a value that is not a language code", () => {
    expect(() => languageOverride("english please", "a.txt")).toThrow(/^a\.txt: language override/);
  });
});
