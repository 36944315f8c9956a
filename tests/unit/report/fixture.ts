/** Builders of consistent contract objects (offsets, ids, stats) for report tests. */
import type {
  ArticleSummary,
  ArticleTranslation,
  Block,
  BlockType,
  NormalizedArticle,
  RemovedItem,
  Sentence,
} from "../../../shared/contract";

export interface BlockSpec {
  type: BlockType;
  sentences: string[];
}

export function buildArticle(spec: {
  title: string | null;
  language?: string;
  blocks: BlockSpec[];
  removed?: RemovedItem[];
  name?: string;
}): NormalizedArticle {
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  let text = "";
  spec.blocks.forEach((blockSpec, b) => {
    if (b > 0) text += "\n\n";
    const block: Block = {
      id: `b${b}`,
      type: blockSpec.type,
      start: text.length,
      end: 0,
      sentenceIds: [],
    };
    blockSpec.sentences.forEach((sentenceText, i) => {
      if (i > 0) text += " ";
      const sentence: Sentence = {
        id: `s${sentences.length}`,
        blockId: block.id,
        start: text.length,
        end: text.length + sentenceText.length,
        text: sentenceText,
      };
      text += sentenceText;
      sentences.push(sentence);
      block.sentenceIds.push(sentence.id);
    });
    block.end = text.length;
    blocks.push(block);
  });
  return {
    schemaVersion: "1.0",
    source: {
      name: spec.name ?? "article.txt",
      format: "txt",
      encoding: "utf-8",
      bytes: text.length,
    },
    language: { code: spec.language ?? "en", confidence: 0.98, method: "detected" },
    title: spec.title,
    dek: null,
    text,
    blocks,
    sentences,
    removed: spec.removed ?? [],
    stats: {
      characters: text.length,
      words: text.split(/\s+/).filter(Boolean).length,
      sentences: sentences.length,
      paragraphs: blocks.filter((b) => ["paragraph", "quote", "list-item"].includes(b.type)).length,
    },
  };
}

export function buildSummary(article: NormalizedArticle, ids: string[]): ArticleSummary {
  const picked = article.sentences.filter((s) => ids.includes(s.id));
  return {
    schemaVersion: "1.0",
    language: article.language.code,
    method: "fixture",
    length: { mode: "sentences", value: ids.length },
    sentences: picked.map((s, i) => ({ id: s.id, text: s.text, score: 1 - i / 10, position: i })),
    text: picked.map((s) => s.text).join("\n"),
  };
}

export function buildTranslation(
  article: NormalizedArticle,
  summary: ArticleSummary,
  targetLanguage: string,
  translate: (text: string) => string,
): ArticleTranslation {
  const blocks = article.blocks.map((block) => ({
    id: block.id,
    type: block.type,
    sentences: block.sentenceIds.map((id) => ({
      id,
      text: translate(article.sentences.find((s) => s.id === id)?.text ?? ""),
    })),
  }));
  return {
    schemaVersion: "1.0",
    engine: "copy",
    sourceLanguage: article.language.code,
    targetLanguage,
    blocks,
    summary: {
      sentenceIds: summary.sentences.map((s) => s.id),
      text: summary.sentences.map((s) => translate(s.text)).join("\n"),
    },
    charactersBilled: article.text.length,
    requests: 1,
    settings: {},
  };
}

/** Markup an attacker might put anywhere in an article. */
export const HOSTILE = [
  `<script>window.__pwned = true</script>`,
  `<img src=x onerror="window.__pwned = true">`,
  `"><svg onload=alert(1)>`,
  `' onmouseover='window.__pwned=1`,
  `</title></style></textarea><script>window.__pwned=1</script>`,
  `&amp; &lt;b&gt; & <!-- comment -->`,
] as const;

export function hostileFixture(): {
  article: NormalizedArticle;
  summary: ArticleSummary;
  translations: ArticleTranslation[];
} {
  const article = buildArticle({
    title: `Breaking ${HOSTILE[0]} ${HOSTILE[4]}`,
    name: `evil"<b>.html`,
    blocks: [
      { type: "title", sentences: [`Breaking ${HOSTILE[0]}`] },
      {
        type: "paragraph",
        sentences: [`First ${HOSTILE[1]} here.`, `Second ${HOSTILE[2]} there.`],
      },
      { type: "heading", sentences: [`Heading ${HOSTILE[3]}`] },
      { type: "paragraph", sentences: [`Third ${HOSTILE[5]} end.`, `Plain sentence.`] },
    ],
    removed: [
      { kind: "boilerplate", text: `Subscribe ${HOSTILE[1]}`, reason: `footer ${HOSTILE[0]}` },
    ],
  });
  article.dek = `Dek ${HOSTILE[2]}`;
  const summary = buildSummary(article, ["s1", "s4"]);
  const translations = [
    buildTranslation(article, summary, "es", (t) => `ES ${t} ${HOSTILE[0]}`),
    buildTranslation(article, summary, "ar", (t) => `عربي ${t}`),
  ];
  return { article, summary, translations };
}
