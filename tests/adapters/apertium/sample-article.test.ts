import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ApertiumTranslator } from "../../../shared/adapters/apertium";
import { normalizeArticle } from "../../../shared/normalize";
import { summarizeArticle } from "../../../shared/summarize";
import { renderTranslationText } from "../../../shared/translate/render";
import { translateArticle } from "../../../shared/translate/translate-article";
import { apertiumMissingReason } from "./availability";

const SAMPLES = fileURLToPath(new URL("../../fixtures/samples/", import.meta.url));
const samples = readdirSync(SAMPLES).filter((name) => name.endsWith(".txt"));
const missing = apertiumMissingReason();
if (missing) console.warn(`Skipping the sample-article Apertium test: ${missing}`);

describe.skipIf(missing !== undefined)(
  "sample article: normalize → summarize → Apertium (es)",
  () => {
    it.each(samples)("should come out in Spanish with its summary aligned: %s", async (name) => {
      // Prepare
      const article = normalizeArticle({
        bytes: readFileSync(`${SAMPLES}${name}`),
        fileName: name,
      });
      const summary = summarizeArticle(article);
      expect(summary.sentences.length).toBeGreaterThan(0);
      // Act
      const translation = await translateArticle({
        article,
        summary,
        targetLanguage: "es",
        translator: new ApertiumTranslator(),
      });
      // Assess: every block and sentence kept, in order, each translated.
      expect(translation.engine).toBe("apertium");
      expect(translation.requests).toBe(1);
      expect(translation.blocks.map((b) => [b.id, b.type])).toEqual(
        article.blocks.map((b) => [b.id, b.type]),
      );
      const translated = new Map(
        translation.blocks.flatMap((b) => b.sentences).map((s) => [s.id, s.text]),
      );
      expect([...translated.keys()]).toEqual(article.blocks.flatMap((b) => b.sentenceIds));
      for (const sentence of article.sentences) {
        expect(translated.get(sentence.id)?.trim()).not.toBe("");
      }
      // The summary is exactly the translations of the summary's sentences.
      expect(translation.summary.sentenceIds).toEqual(summary.sentences.map((s) => s.id));
      expect(translation.summary.text).toBe(
        summary.sentences.map((s) => translated.get(s.id)).join("\n"),
      );
      expect(translation.summary.text).not.toBe(summary.text);
      // Spanish function words show up: the text was translated, not copied.
      expect(renderTranslationText(translation)).toMatch(/\b(el|la|los|las|de|que)\b/);
    });
  },
);
