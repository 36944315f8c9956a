import { describe, expect, it } from "vitest";
import { ApertiumPairMissingError, ApertiumTranslator } from "../../../shared/adapters/apertium";
import { APERTIUM_CHUNK_BYTES } from "../../../shared/limits";
import { translateArticle } from "../../../shared/translate/translate-article";
import { buildArticle, buildSummary, SAMPLE_BLOCKS } from "../../unit/translate/builders";
import { apertiumMissingReason } from "./availability";

const missing = apertiumMissingReason();
if (missing) console.warn(`Skipping the real Apertium tests: ${missing}`);

describe.skipIf(missing !== undefined)("ApertiumTranslator (real apertium eng-spa)", () => {
  const translator = new ApertiumTranslator();

  it("should translate one sentence per line, keeping the alignment", async () => {
    // Act
    const result = await translator.translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts: ["The cat sat on the mat.", "Hello world.", "The house is big."],
    });
    // Assess
    expect(result.texts).toHaveLength(3);
    expect(result.texts[0]).toMatch(/gato/i);
    expect(result.texts[1]).toMatch(/hola/i);
    expect(result.texts[2]).toMatch(/casa/i);
    expect(result.requests).toBe(1);
  });

  it("should keep alignment when a sentence holds newlines, blanks or Apertium's special characters", async () => {
    const texts = [
      "The river\nrose overnight.",
      "",
      "   ",
      "Price: $5 ^hat^ [x] {y} <b>bold</b> @foo #bar *baz / slash \\ back.",
      "Zorglub is a blorft.",
      "The end.",
    ];
    const result = await translator.translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts,
    });
    expect(result.texts).toHaveLength(texts.length);
    expect(result.texts[0]).toMatch(/r[ií]o/i);
    expect(result.texts[0]).not.toContain("\n");
    expect(result.texts[1]).toBe("");
    expect(result.texts[2]).toBe("   ");
    expect(result.texts[3]).toContain("$5");
    // -u: no "*" marks before unknown words.
    expect(result.texts[4]).toContain("Zorglub");
    expect(result.texts[4]).not.toContain("*");
    expect(result.texts[5]).toMatch(/fin/i);
  });

  it("should translate Spanish to English with the reverse pair", async () => {
    const result = await translator.translateTexts({
      sourceLanguage: "es",
      targetLanguage: "en",
      texts: ["El gato es negro."],
    });
    expect(result.texts[0]).toMatch(/cat/i);
  });

  it("should translate a 100 KB article in chunks of APERTIUM_CHUNK_BYTES, keeping the order", async () => {
    const texts = Array.from({ length: 2500 }, (_, i) => `Sentence ${i} says the water is rising.`);
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text) + 1, 0);
    const result = await translator.translateTexts({
      sourceLanguage: "en",
      targetLanguage: "es",
      texts,
    });
    expect(result.requests).toBe(Math.ceil(bytes / APERTIUM_CHUNK_BYTES));
    expect(result.texts).toHaveLength(2500);
    expect(result.texts[2499]).toMatch(/^Frase 2499/);
  });

  it("should name the Debian package for a pair that is not installed", async () => {
    const run = translator.translateTexts({
      sourceLanguage: "es",
      targetLanguage: "pt",
      texts: ["Hola."],
    });
    await expect(run).rejects.toThrow(ApertiumPairMissingError);
    await expect(run).rejects.toThrow(/apt-get install apertium-es-pt/);
    await expect(run).rejects.toMatchObject({ retryable: false });
  });

  it("should give an article its Spanish blocks and a summary aligned to them", async () => {
    const article = buildArticle(SAMPLE_BLOCKS);
    const summary = buildSummary(article, ["s2", "s5"]);
    const translation = await translateArticle({
      article,
      summary,
      targetLanguage: "es",
      translator,
    });
    expect(translation.engine).toBe("apertium");
    const byId = new Map(translation.blocks.flatMap((b) => b.sentences).map((s) => [s.id, s.text]));
    expect(byId.size).toBe(article.sentences.length);
    expect(translation.summary.text).toBe(`${byId.get("s2")}\n${byId.get("s5")}`);
    expect(translation.summary.text).toMatch(/r[ií]o/i);
  });
});
