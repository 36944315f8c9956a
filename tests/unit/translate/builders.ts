import type {
  Block,
  BlockType,
  NormalizedArticle,
  Sentence,
} from "../../../shared/contract/article";
import type { ArticleSummary } from "../../../shared/contract/summary";
import { SCHEMA_VERSION } from "../../../shared/contract/version";

export interface BlockSpec {
  type: BlockType;
  sentences: string[];
}

/** A NormalizedArticle with consistent offsets, ids and stats, built from blocks of sentences. */
export function buildArticle(
  blocks: BlockSpec[],
  language = "en",
  name = "sample.txt",
): NormalizedArticle {
  let text = "";
  const outBlocks: Block[] = [];
  const sentences: Sentence[] = [];
  blocks.forEach((spec, b) => {
    if (b > 0) text += "\n\n";
    const blockStart = text.length;
    const sentenceIds: string[] = [];
    spec.sentences.forEach((sentence, i) => {
      if (i > 0) text += " ";
      const id = `s${sentences.length}`;
      sentences.push({
        id,
        blockId: `b${b}`,
        start: text.length,
        end: text.length + sentence.length,
        text: sentence,
      });
      sentenceIds.push(id);
      text += sentence;
    });
    outBlocks.push({
      id: `b${b}`,
      type: spec.type,
      start: blockStart,
      end: text.length,
      sentenceIds,
    });
  });
  const title = blocks.find((b) => b.type === "title")?.sentences.join(" ") ?? null;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name, format: "txt", encoding: "utf-8", bytes: Buffer.byteLength(text) },
    language: { code: language, confidence: 1, method: "override" },
    title,
    dek: null,
    text,
    blocks: outBlocks,
    sentences,
    removed: [],
    stats: {
      characters: text.length,
      words: text.split(/\s+/).filter(Boolean).length,
      sentences: sentences.length,
      paragraphs: blocks.filter((b) => b.type === "paragraph").length,
    },
  };
}

/** A summary that picks these sentence ids (in the order given). */
export function buildSummary(article: NormalizedArticle, ids: string[]): ArticleSummary {
  const picked = ids.map((id, position) => {
    const sentence = article.sentences.find((s) => s.id === id);
    return { id, text: sentence?.text ?? "", score: 1, position };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    language: article.language.code,
    method: "test",
    length: { mode: "sentences", value: ids.length },
    sentences: picked,
    text: picked.map((s) => s.text).join("\n"),
  };
}

export const SAMPLE_BLOCKS: BlockSpec[] = [
  { type: "title", sentences: ["Rivers rise after a week of rain"] },
  { type: "heading", sentences: ["What happened"] },
  {
    type: "paragraph",
    sentences: [
      "The river rose two metres overnight.",
      "Residents moved their cars to higher ground.",
    ],
  },
  { type: "caption", sentences: ["A flooded street in the old town."] },
  {
    type: "paragraph",
    sentences: ["The mayor said the town was ready.", "More rain is expected on Friday."],
  },
];
