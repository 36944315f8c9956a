import type { BlockType, NormalizedArticle } from "../../../shared/contract/article";
import type { ArticleSummary } from "../../../shared/contract/summary";
import { utf8Bytes } from "../../../shared/translate/bytes";
import { seededRandom } from "../../support/seeded-random";
import { buildArticle, buildSummary } from "../../unit/translate/builders";

const WORDS =
  `the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when if so no will more can out up who
said its about what them than into some other could time these two may then do first any my now such like
our over man me even most made after also did many before must through back years where much your way well
down should because each just those people how too little state good very make world still own see men work
long get here between both life being under never day same another know while last might us great old year
off come since against go came right used take three river council minister police report government city
week water rain flood bridge road school hospital market price energy company workers union election vote
court judge law health doctors patients farmers crops weather storm coast village mayor residents officials`
    .split(/\s+/)
    .filter(Boolean);

function sentence(next: () => number, minWords: number, maxWords: number): string {
  const count = minWords + Math.floor(next() * (maxWords - minWords + 1));
  const words = Array.from(
    { length: count },
    () => WORDS[Math.floor(next() * WORDS.length)] ?? "the",
  );
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * A news-shaped article of at least `bytes` bytes of sentence text: a title, headings, captions and
 * paragraphs of 2–6 sentences of 6–45 words (news sentences average ~25 words, ~130 characters).
 */
export function syntheticArticle(
  bytes: number,
  seed = 2013,
): {
  article: NormalizedArticle;
  summary: ArticleSummary;
} {
  const next = seededRandom(seed);
  const blocks: { type: BlockType; sentences: string[] }[] = [
    { type: "title", sentences: [sentence(next, 6, 12).replace(/\.$/, "")] },
  ];
  let size = 0;
  let paragraphs = 0;
  while (size < bytes) {
    let type: BlockType = "paragraph";
    if (paragraphs > 0 && paragraphs % 8 === 0) type = "heading";
    else if (paragraphs % 13 === 5) type = "caption";
    const count = type === "paragraph" ? 2 + Math.floor(next() * 5) : 1;
    const sentences = Array.from({ length: count }, () =>
      type === "paragraph" ? sentence(next, 6, 45) : sentence(next, 3, 10),
    );
    blocks.push({ type, sentences });
    size += sentences.reduce((n, s) => n + utf8Bytes(s), 0);
    paragraphs++;
  }
  const article = buildArticle(blocks, "en", "synthetic-100kb.txt");
  const body = article.sentences.filter((s) => s.blockId !== "b0");
  const summary = buildSummary(
    article,
    [body[0], body[Math.floor(body.length / 2)], body[body.length - 1]].flatMap((s) =>
      s ? [s.id] : [],
    ),
  );
  return { article, summary };
}
