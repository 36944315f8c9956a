import type { Block, NormalizedArticle, Sentence } from "../contract/article";
import { html, type SafeHtml } from "./html";

/**
 * Report-assigned integer keys for the article's sentences (their index in `article.sentences`). Keys, not
 * the contract's sentence ids, go into ids, classes, `data-k` and the stylesheet, so no article-supplied string is
 * ever used as an id or a CSS selector.
 */
export class SentenceKeys {
  private readonly byId = new Map<string, { key: number; sentence: Sentence }>();

  constructor(article: NormalizedArticle) {
    article.sentences.forEach((sentence, key) => {
      if (!this.byId.has(sentence.id)) this.byId.set(sentence.id, { key, sentence });
    });
  }

  key(id: string): number | undefined {
    return this.byId.get(id)?.key;
  }

  sentence(id: string): Sentence | undefined {
    return this.byId.get(id)?.sentence;
  }

  get all(): number[] {
    return [...this.byId.values()].map((v) => v.key);
  }
}

export interface SentenceMarkup {
  /** Prefix of the element id, e.g. "a-" → "a-12". */
  idPrefix: string;
  /** Sentence ids to highlight as summary sentences. */
  highlighted: ReadonlySet<string>;
}

/** One focusable sentence; summary sentences are `<mark>` so the highlight also has meaning. */
export function sentenceElement(
  text: string,
  key: number | undefined,
  markup: { idPrefix: string; highlight: boolean },
): SafeHtml {
  const id = key === undefined ? undefined : `${markup.idPrefix}${key}`;
  const attributes =
    key === undefined
      ? html`class="s" tabindex="0"`
      : html`class="s k${key}" id="${id}" data-k="${key}" tabindex="0"`;
  return markup.highlight
    ? html`<mark ${attributes}>${text}</mark>`
    : html`<span ${attributes}>${text}</span>`;
}

/**
 * The inline content of a source block: its sentences with the original text between them (spaces, list
 * markers) taken from `article.text`. Offsets that do not fit the block fall back to a single space, so a
 * malformed article still renders every sentence.
 */
export function sourceBlockContent(
  article: NormalizedArticle,
  block: Block,
  keys: SentenceKeys,
  markup: SentenceMarkup,
): SafeHtml {
  const sentences = block.sentenceIds
    .map((id) => keys.sentence(id))
    .filter((s): s is Sentence => s !== undefined);
  if (sentences.length === 0) return html`${article.text.slice(block.start, block.end)}`;

  const element = (sentence: Sentence) =>
    sentenceElement(sentence.text, keys.key(sentence.id), {
      idPrefix: markup.idPrefix,
      highlight: markup.highlighted.has(sentence.id),
    });
  if (!offsetsFit(article, block, sentences)) {
    return html`${sentences.map((sentence, i) => html`${i > 0 && " "}${element(sentence)}`)}`;
  }
  const parts: SafeHtml[] = [];
  let cursor = block.start;
  for (const sentence of sentences) {
    parts.push(html`${article.text.slice(cursor, sentence.start)}`, element(sentence));
    cursor = sentence.end;
  }
  parts.push(html`${article.text.slice(cursor, block.end)}`);
  return html`${parts}`;
}

/** Sentences in order, inside the block and the text, each matching its slice of the text. */
function offsetsFit(article: NormalizedArticle, block: Block, sentences: Sentence[]): boolean {
  let cursor = block.start;
  for (const s of sentences) {
    if (s.start < cursor || s.end < s.start || s.end > block.end) return false;
    if (article.text.slice(s.start, s.end) !== s.text) return false;
    cursor = s.end;
  }
  return block.end <= article.text.length;
}
