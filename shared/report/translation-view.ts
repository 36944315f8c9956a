import type { NormalizedArticle } from "../contract/article";
import { OUTPUT_FILES } from "../contract/keys";
import { isUnspacedLanguage } from "../contract/language";
import type {
  ArticleTranslation,
  TranslatedBlock,
  TranslatedSentence,
} from "../contract/translation";
import { html, type SafeHtml } from "./html";
import { languageLabel, languageTag, textDirection } from "./language";
import {
  type SentenceKeys,
  type SentenceMarkup,
  sentenceElement,
  sourceBlockContent,
} from "./sentences";

function sentenceSeparator(lang: string): string {
  return isUnspacedLanguage(lang) ? "" : " ";
}

/** Translated sentences; those of the summary are marked like their source, so both columns read alike. */
function translatedSentences(
  sentences: TranslatedSentence[],
  keys: SentenceKeys,
  markup: SentenceMarkup,
  separator: string,
): SafeHtml {
  return html`${sentences.map(
    (s, i) =>
      html`${i > 0 && separator}${sentenceElement(s.text, keys.key(s.id), {
        idPrefix: markup.idPrefix,
        highlight: markup.highlighted.has(s.id),
      })}`,
  )}`;
}

/**
 * The translated summary: the summary's sentences looked up among the translated sentences by id, falling back
 * to the lines of `summary.text` (the contract joins them with "\n") for ids the blocks do not hold.
 */
function translatedSummary(
  translation: ArticleTranslation,
  byId: Map<string, TranslatedSentence>,
  keys: SentenceKeys,
  prefix: string,
): SafeHtml {
  const lines = translation.summary.text.split("\n");
  const items = translation.summary.sentenceIds.map((id, i) => {
    const text = byId.get(id)?.text ?? lines[i] ?? "";
    return html`<li>${sentenceElement(text, keys.key(id), { idPrefix: `${prefix}sum-`, highlight: false })}</li>`;
  });
  if (items.length === 0 && translation.summary.text.trim() !== "") {
    items.push(...lines.map((line) => html`<li>${line}</li>`));
  }
  return items.length > 0
    ? html`<ol class="summary-list">${items}</ol>`
    : html`<p class="empty" lang="en" dir="ltr">No summary to translate.</p>`;
}

/** In place of the aligned table when the report is past its cap: where the full translation is. */
function linkedTranslation(target: string, capCharacters: number): SafeHtml {
  const text = OUTPUT_FILES.translationText(target);
  const json = OUTPUT_FILES.translationJson(target);
  return html`<p class="legend">Not shown sentence by sentence: the report shows at most ${capCharacters.toLocaleString("en")} characters of article text beside its translations, all languages together, and this one would pass that. The full translation is <a href="${text}">${text}</a> (sentence-aligned: <a href="${json}">${json}</a>), beside this report.</p>`;
}

export function renderTranslationSection(
  article: NormalizedArticle,
  translation: ArticleTranslation,
  index: number,
  keys: SentenceKeys,
  highlighted: ReadonlySet<string>,
  /** Undefined: the aligned table. A number: the cap that left it out, and a link to the outputs instead. */
  leftOutByCap?: number,
): SafeHtml {
  const source = languageTag(translation.sourceLanguage || article.language.code);
  const target = languageTag(translation.targetLanguage);
  const prefix = `t${index}-`;
  const sectionId = `translation-${index}`;
  const separator = sentenceSeparator(target);
  const targetMarkup: SentenceMarkup = { idPrefix: prefix, highlighted };
  const blocksById = new Map<string, TranslatedBlock>();
  const sentencesById = new Map<string, TranslatedSentence>();
  for (const block of translation.blocks) {
    if (!blocksById.has(block.id)) blocksById.set(block.id, block);
    for (const s of block.sentences) if (!sentencesById.has(s.id)) sentencesById.set(s.id, s);
  }

  if (leftOutByCap !== undefined) {
    return html`<section id="${sectionId}" class="translation" aria-labelledby="${sectionId}-h">
<h2 id="${sectionId}-h">Translation: ${languageLabel(target)}</h2>
<section aria-label="Summary in ${languageLabel(target)}" lang="${target}" dir="${textDirection(target)}">
<h3 lang="en" dir="ltr">Summary in ${languageLabel(target)}</h3>
${translatedSummary(translation, sentencesById, keys, prefix)}
</section>
${linkedTranslation(target, leftOutByCap)}
</section>`;
  }

  const sourceCell = (content: SafeHtml) =>
    html`<td lang="${source}" dir="${textDirection(source)}">${content}</td>`;
  const targetCell = (content: SafeHtml) =>
    html`<td lang="${target}" dir="${textDirection(target)}">${content}</td>`;

  const rows = article.blocks.map((block) => {
    const translated = blocksById.get(block.id);
    blocksById.delete(block.id);
    const src = sourceBlockContent(article, block, keys, {
      idPrefix: `${prefix}src-`,
      highlighted,
    });
    const tgt = translated
      ? translatedSentences(translated.sentences, keys, targetMarkup, separator)
      : html`<span class="empty" lang="en" dir="ltr">(not translated)</span>`;
    return html`<tr class="b-${block.type}">${sourceCell(src)}${targetCell(tgt)}</tr>`;
  });
  // Blocks the article does not know still deserve to be seen rather than silently dropped.
  for (const orphan of blocksById.values()) {
    rows.push(
      html`<tr>${sourceCell(html``)}${targetCell(translatedSentences(orphan.sentences, keys, targetMarkup, separator))}</tr>`,
    );
  }

  const sourceName = languageLabel(source);
  const targetName = languageLabel(target);
  return html`<section id="${sectionId}" class="translation" aria-labelledby="${sectionId}-h">
<h2 id="${sectionId}-h">Translation: ${targetName}</h2>
<p class="legend">Engine ${translation.engine} · from ${sourceName} · ${translation.charactersBilled.toLocaleString("en")} characters billed in ${translation.requests} request${translation.requests === 1 ? "" : "s"}</p>
<section aria-label="Summary in ${targetName}" lang="${target}" dir="${textDirection(target)}">
<h3 lang="en" dir="ltr">Summary in ${targetName}</h3>
${translatedSummary(translation, sentencesById, keys, prefix)}
</section>
<table class="aligned">
<caption>Sentence by sentence: focus or hover a sentence to highlight its counterpart.</caption>
<thead><tr><th scope="col">Source: ${sourceName}</th><th scope="col">${targetName}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`;
}
