/**
 * One JSONL row of the summarize CLI, parsed and summarized: its own module so that the CLI and the throughput
 * bench (tests/bench/summary-cold.ts) time the very same per-row work.
 */
import type { SummaryLength } from "../contract/summary";
import { InputError } from "../errors";
import { normalizeJsonValue } from "../normalize";
import { DEFAULT_SUMMARY_LENGTH, summarizeArticle } from "../summarize";

/** A JSONL row that is not a JSON object with a string `id` and a string `text`. */
export class MalformedRowError extends InputError {
  override readonly name = "MalformedRowError";
}

/** Rows can hold whole articles: a limit well above the pipeline's for one uploaded file. */
const MAX_ROW_BYTES = 12 * 1024 * 1024;

export interface Row {
  id: string;
  text: string;
  title?: string | null;
}

export function parseRow(line: string, where: string): Row {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    throw new MalformedRowError(`not valid JSON (${(error as Error).message})`, where);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new MalformedRowError("must be a JSON object {id, text, title?}", where);
  }
  const { id, text, title } = data as Record<string, unknown>;
  if (typeof id !== "string" || id.length === 0) {
    throw new MalformedRowError('needs a non-empty string "id"', where);
  }
  if (typeof text !== "string") throw new MalformedRowError('needs a string "text"', where);
  if (title !== undefined && title !== null && typeof title !== "string") {
    throw new MalformedRowError('"title" must be a string or null when present', where);
  }
  return { id, text, title: title as string | null | undefined };
}

export function lengthFromOptions(options: {
  sentences?: string;
  words?: string;
  ratio?: string;
}): SummaryLength {
  const given = (["sentences", "words", "ratio"] as const).filter((k) => options[k] !== undefined);
  if (given.length > 1) throw new Error("choose one of --sentences, --words, --ratio");
  const mode = given[0];
  if (mode === undefined) return DEFAULT_SUMMARY_LENGTH;
  return { mode, value: Number(options[mode]) };
}

export function summarizeRow(row: Row, length: SummaryLength, lang?: string) {
  // The row is read as the .json file {title, text} would be, from the parsed strings: writing that file out
  // only for the normalizer to decode and parse it again took a few percent of each summary's time.
  const article = normalizeJsonValue({
    value: { title: row.title, text: row.text },
    bytes: Buffer.byteLength(row.text) + (row.title ? Buffer.byteLength(row.title) : 0),
    fileName: `${row.id}.json`,
    maxBytes: MAX_ROW_BYTES,
    ...(lang ? { languageOverride: lang } : {}),
  });
  return summarizeArticle(article, length);
}
