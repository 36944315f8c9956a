/**
 * Inputs of the normalize benchmark: news articles one by one (the repository's samples, plus the dev
 * articles of ../shared/eval when present), and long texts built by concatenating real article text.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = join(HERE, "..", "..");
const SAMPLES = join(REPO, "tests/fixtures/samples");
export const EVAL = join(REPO, "..", "shared", "eval");
/** Dev files whose rows are articles ({title, text}); the translation pairs are not. */
const ARTICLE_FILES = ["cnndm_cased_dev.jsonl", "bbc_dev.jsonl", "orangesum_fr_dev.jsonl"];

export interface NewsArticle {
  fileName: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

export function evalIsPresent(): boolean {
  return existsSync(EVAL);
}

function evalRows(): { id: string; title: string | null; text: string }[] {
  if (!evalIsPresent()) return [];
  return ARTICLE_FILES.flatMap((file) =>
    readFileSync(join(EVAL, file), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line)),
  );
}

/** The repository's samples by format (".txt", ".md", ".html"). */
export function sampleArticles(): NewsArticle[] {
  return readdirSync(SAMPLES)
    .sort()
    .map((name) => ({ fileName: name, bytes: readFileSync(join(SAMPLES, name)) }));
}

/** Plain-text news: the text samples, then every dev article as a .txt file (headline, blank line, body). */
export function newsArticles(): NewsArticle[] {
  const samples = sampleArticles().filter((a) => !a.fileName.endsWith(".html"));
  const dev = evalRows().map((row) => ({
    fileName: `${row.id}.txt`,
    bytes: encoder.encode(row.title ? `${row.title}\n\n${row.text}` : row.text),
  }));
  return [...samples, ...dev];
}

/**
 * `size` bytes of article text: whole articles (headline + body) one after the other, blank-line separated,
 * cut at the last paragraph break before `size`. From the dev articles when present, else the samples.
 */
export function longText(size: number): Uint8Array {
  const rows = evalRows();
  const pieces =
    rows.length > 0
      ? rows.map((row) => (row.title ? `${row.title}\n\n${row.text}` : row.text))
      : [readFileSync(join(SAMPLES, "harbour-strike.txt"), "utf8")];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size * 1.05; i++) {
    const piece = pieces[i % pieces.length] as string;
    parts.push(piece);
    length += Buffer.byteLength(piece) + 2;
  }
  const bytes = encoder.encode(parts.join("\n\n"));
  const cut = Buffer.from(bytes.buffer, bytes.byteOffset, size).lastIndexOf("\n\n");
  return bytes.subarray(0, cut);
}
