import { describe, expect, it } from "vitest";
import type { ArticleTranslation } from "../../../shared/contract/translation";
import { renderTranslationText } from "../../../shared/translate/render";

function translation(targetLanguage: string, blocks: string[][]): ArticleTranslation {
  let n = 0;
  return {
    schemaVersion: "1.0",
    engine: "apertium",
    sourceLanguage: "en",
    targetLanguage,
    blocks: blocks.map((sentences, b) => ({
      id: `b${b}`,
      type: b === 0 ? "title" : "paragraph",
      sentences: sentences.map((text) => ({ id: `s${n++}`, text })),
    })),
    summary: { sentenceIds: [], text: "" },
    charactersBilled: 0,
    requests: 0,
    settings: {},
  };
}

describe("renderTranslationText", () => {
  it("should separate blocks by a blank line and sentences by a space", () => {
    const text = renderTranslationText(
      translation("es", [["Título"], ["Una frase.", "Otra frase."], ["Fin."]]),
    );
    expect(text).toBe("Título\n\nUna frase. Otra frase.\n\nFin.\n");
  });

  it("should join sentences without a space in Chinese and skip empty blocks", () => {
    const text = renderTranslationText(translation("zh", [["标题"], [], ["第一句。", "第二句。"]]));
    expect(text).toBe("标题\n\n第一句。第二句。\n");
  });

  it("should render an article without text as an empty file", () => {
    expect(renderTranslationText(translation("es", []))).toBe("");
  });
});
