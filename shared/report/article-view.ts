import type { Block, NormalizedArticle, RemovedItem } from "../contract/article";
import type { ArticleSummary } from "../contract/summary";
import { html, type SafeHtml } from "./html";
import { languageTag, textDirection } from "./language";
import { type SentenceKeys, type SentenceMarkup, sourceBlockContent } from "./sentences";

/** The element a block is shown as in the article view; list items are grouped into one `<ul>` by the caller. */
function blockElement(type: Block["type"], content: SafeHtml): SafeHtml {
  switch (type) {
    case "heading":
      return html`<h3>${content}</h3>`;
    case "quote":
      return html`<blockquote class="b-quote"><p>${content}</p></blockquote>`;
    case "list-item":
      return html`<li>${content}</li>`;
    case "title":
    case "dek":
    case "caption":
      return html`<p class="b-${type}">${content}</p>`;
    default:
      return html`<p>${content}</p>`;
  }
}

export function renderSummarySection(
  summary: ArticleSummary,
  keys: SentenceKeys,
  article: NormalizedArticle,
): SafeHtml {
  const lang = languageTag(summary.language || article.language.code);
  const items = summary.sentences.map((s) => {
    const key = keys.key(s.id);
    // A link to the sentence in context; it carries the key too, so focusing it lights up the counterparts.
    return key === undefined
      ? html`<li>${s.text}</li>`
      : html`<li><a class="s k${key}" href="#a-${key}" data-k="${key}">${s.text}</a></li>`;
  });
  return html`<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<p class="legend">${summary.sentences.length} sentence${summary.sentences.length === 1 ? "" : "s"} · method ${summary.method}</p>
${
  items.length > 0
    ? html`<ol class="summary-list" lang="${lang}" dir="${textDirection(lang)}">${items}</ol>`
    : html`<p class="empty">No summary${summary.reason ? html`: ${summary.reason}` : ""}.</p>`
}
${items.length > 0 && summary.reason && html`<p class="empty">${summary.reason}</p>`}
</section>`;
}

export function renderArticleSection(
  article: NormalizedArticle,
  keys: SentenceKeys,
  highlighted: ReadonlySet<string>,
): SafeHtml {
  const lang = languageTag(article.language.code);
  const markup: SentenceMarkup = { idPrefix: "a-", highlighted };
  const parts: SafeHtml[] = [];
  let listItems: SafeHtml[] = [];
  const flushList = () => {
    if (listItems.length > 0) parts.push(html`<ul>${listItems}</ul>`);
    listItems = [];
  };
  for (const block of article.blocks) {
    const element = blockElement(block.type, sourceBlockContent(article, block, keys, markup));
    if (block.type === "list-item") listItems.push(element);
    else {
      flushList();
      parts.push(element);
    }
  }
  flushList();
  return html`<section id="article" aria-labelledby="article-h">
<h2 id="article-h">Article</h2>
<p class="legend"><mark>Highlighted</mark> sentences are in the summary. In each translation below, focus or hover a sentence to highlight its counterpart.</p>
<div class="article-body" lang="${lang}" dir="${textDirection(lang)}">
${parts.length > 0 ? parts : html`<p class="empty">The article has no text.</p>`}
</div>
</section>`;
}

function removedItem(item: RemovedItem, lang: string): SafeHtml {
  return html`<li><del lang="${lang}" dir="${textDirection(lang)}">${item.text}</del> <span class="reason">(${item.kind}: ${item.reason})</span></li>`;
}

export function renderRemovedSection(article: NormalizedArticle): SafeHtml {
  const lang = languageTag(article.language.code);
  const count = article.removed.length;
  return html`<section id="removed" aria-labelledby="removed-h">
<h2 id="removed-h">Removed from the source</h2>
${
  count === 0
    ? html`<p class="empty">Nothing was removed.</p>`
    : html`<details><summary>${count} item${count === 1 ? "" : "s"} removed (boilerplate, duplicates, markup)</summary>
<ul class="removed">${article.removed.map((item) => removedItem(item, lang))}</ul>
</details>`
}
</section>`;
}
