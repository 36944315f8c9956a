import type { ArticleTranslation } from "../contract/translation";
import { wordJoiner } from "./transport";

/** translations/<lang>.txt: one block per paragraph, blocks separated by a blank line, ending in a newline. */
export function renderTranslationText(translation: ArticleTranslation): string {
  const joiner = wordJoiner(translation.targetLanguage);
  const blocks = translation.blocks
    .map((block) =>
      block.sentences
        .map((s) => s.text)
        .filter((text) => text.trim() !== "")
        .join(joiner),
    )
    .filter((text) => text !== "");
  return blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n`;
}
