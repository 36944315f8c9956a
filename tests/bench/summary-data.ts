/**
 * Dev data for the summary benchmark and the scorer's training: rows of ../shared/eval/*_dev.jsonl turned into
 * normalized articles by the same normalizer the pipeline uses.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NormalizedArticle } from "../../shared/contract/article";
import { normalizeArticle } from "../../shared/normalize";
import { bodySentences } from "../../shared/summarize";

export const EVAL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/eval");

/** Each dev file with the summary length the issue evaluates it at. */
export const DATASETS = [
  { file: "cnndm_lower_dev.jsonl", sentences: 3 },
  { file: "cnndm_cased_dev.jsonl", sentences: 3 },
  { file: "bbc_dev.jsonl", sentences: 7 },
  { file: "orangesum_fr_dev.jsonl", sentences: 2 },
] as const;

export interface EvalRow {
  id: string;
  title: string | null;
  text: string;
  reference: string;
}

export interface EvalArticle {
  row: EvalRow;
  article: NormalizedArticle;
  /** Body sentence texts, in order. */
  body: string[];
}

export function evalDataAvailable(): boolean {
  return existsSync(EVAL_DIR);
}

export function readRows(file: string): EvalRow[] {
  return readFileSync(join(EVAL_DIR, file), "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as EvalRow);
}

/** The same bytes the summarize CLI hands the normalizer for a JSONL row. */
export function rowToArticle(
  row: { id: string; title?: string | null; text: string },
  lang?: string,
): NormalizedArticle {
  const json = JSON.stringify({ title: row.title ?? undefined, text: row.text, language: lang });
  return normalizeArticle({ bytes: new TextEncoder().encode(json), fileName: `${row.id}.json` });
}

export function loadArticles(file: string): EvalArticle[] {
  return readRows(file).map((row) => {
    const article = rowToArticle(row);
    return { row, article, body: bodySentences(article).map((s) => s.text) };
  });
}
