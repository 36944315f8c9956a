import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { REPORT_ALIGNED_CHARACTERS_CAP, renderReport } from "../../../shared/report";
import { buildArticle, buildSummary, buildTranslation } from "./fixture";

/** An article of about `characters` characters of text, in 100-character sentences. */
function articleOf(characters: number) {
  const sentence = `${"The council met again today and said the river would be watched all night".padEnd(98, " x")}.`;
  const count = Math.ceil(characters / (sentence.length + 1));
  const paragraphs = Array.from({ length: Math.ceil(count / 5) }, () => ({
    type: "paragraph" as const,
    sentences: Array.from({ length: 5 }, () => sentence),
  }));
  const article = buildArticle({ title: "Rivers rise", blocks: paragraphs });
  const summary = buildSummary(article, ["s0", "s1"]);
  return { article, summary };
}

const LANGUAGES = ["es", "fr", "de", "it", "pt", "nl", "pl", "sv"];

describe("renderReport past its cap", () => {
  it("should align translations while the cap allows and link the rest to their outputs", () => {
    // Prepare: each aligned table costs the article's length; three fit under the cap, the fourth does not.
    const { article, summary } = articleOf(REPORT_ALIGNED_CHARACTERS_CAP / 3.5);
    const translations = LANGUAGES.slice(0, 4).map((lang) =>
      buildTranslation(article, summary, lang, (t) => `[${lang}] ${t}`),
    );
    // Act
    const document = parseHTML(renderReport({ article, summary, translations })).document;
    // Assess
    const tables = [0, 1, 2, 3].map((i) => document.querySelector(`#translation-${i} table`));
    expect(tables.map((t) => t !== null)).toEqual([true, true, true, false]);
    const links = [...document.querySelectorAll("#translation-3 a")].map((a) =>
      a.getAttribute("href"),
    );
    expect(links).toEqual(["translations/it.txt", "translations/it.json"]);
    expect(document.querySelectorAll("#translation-3 .summary-list li")).toHaveLength(2);
  });

  it("should keep the page's size independent of the number of languages once past the cap", () => {
    // Prepare: an article larger than the cap, so no translation is aligned.
    const { article, summary } = articleOf(REPORT_ALIGNED_CHARACTERS_CAP + 10_000);
    const into = (count: number) =>
      LANGUAGES.slice(0, count).map((lang) =>
        buildTranslation(article, summary, lang, (t) => `[${lang}] ${t}`),
      );
    // Act
    const one = renderReport({ article, summary, translations: into(1) }).length;
    const eight = renderReport({ article, summary, translations: into(8) }).length;
    // Assess: seven more languages add their summaries and links, not their text.
    expect(eight - one).toBeLessThan(7 * 3_000);
    expect(one).toBeGreaterThan(article.text.length);
  });
});
