import type { BlockType, NormalizedArticle } from "../../../shared/contract/article";

/** A normalized article built by hand: blocks of the given types holding the given sentences. */
export function articleFrom(
  blocks: readonly (readonly [BlockType, readonly string[]])[],
  language = "en",
  name = "fixture.txt",
): NormalizedArticle {
  const article: NormalizedArticle = {
    schemaVersion: "1.0",
    source: { name, format: "txt", encoding: "utf-8", bytes: 0 },
    language: { code: language, confidence: 1, method: "override" },
    title: null,
    dek: null,
    text: "",
    blocks: [],
    sentences: [],
    removed: [],
    stats: { characters: 0, words: 0, sentences: 0, paragraphs: 0 },
  };
  for (const [type, sentences] of blocks) {
    if (article.text) article.text += "\n\n";
    const blockId = `b${article.blocks.length}`;
    const start = article.text.length;
    const ids: string[] = [];
    sentences.forEach((text, i) => {
      if (i > 0) article.text += " ";
      const id = `s${article.sentences.length}`;
      article.sentences.push({
        id,
        blockId,
        start: article.text.length,
        end: article.text.length + text.length,
        text,
      });
      article.text += text;
      ids.push(id);
    });
    article.blocks.push({ id: blockId, type, start, end: article.text.length, sentenceIds: ids });
    if (type === "title") article.title = sentences.join(" ");
  }
  article.stats = {
    characters: article.text.length,
    words: article.text.split(/\s+/).filter(Boolean).length,
    sentences: article.sentences.length,
    paragraphs: article.blocks.filter((b) => ["paragraph", "quote", "list-item"].includes(b.type))
      .length,
  };
  return article;
}

export const HARBOUR_STRIKE: readonly (readonly [BlockType, readonly string[]])[] = [
  ["title", ["Harbour workers strike over pay"]],
  ["dek", ["Harbour workers strike over pay and conditions"]],
  [
    "paragraph",
    [
      "Dock workers at the city harbour walked out on Monday in a dispute over pay.",
      "The strike closed the port to container ships for the first time in a decade.",
    ],
  ],
  ["caption", ["Dock workers at the city harbour walked out on Monday, pictured."]],
  ["heading", ["What the union wants"]],
  [
    "paragraph",
    [
      "The union wants a pay rise of eight percent and limits on night shifts.",
      "Shipping firms said losses from the harbour strike would mount each day.",
      "Talks between the union and the port authority resume on Friday.",
    ],
  ],
  ["quote", ["We will stay out until the port authority makes a fair offer on pay."]],
  [
    "paragraph",
    [
      "Fishermen, who use a separate quay, were not affected.",
      "The port handles a third of the region's imports.",
    ],
  ],
];
