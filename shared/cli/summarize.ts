/**
 * Batch summaries for people with many articles (and the held-out check):
 *   npm run --silent summarize -- --in articles.jsonl --out summaries.jsonl
 *     [--sentences N | --words N | --ratio R] [--lang xx]
 * Reads JSONL rows {"id", "text", "title"?} (paragraphs separated by blank lines), runs each through the same
 * normalizer as the pipeline, and writes {"id", "summary"} rows with the chosen sentences joined by "\n".
 * Streams both files, so input size is bounded by disk, not memory. A bad row is reported on stderr with its
 * line number and skipped; the other rows still come out.
 */

import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { SummaryLength } from "../contract/summary";
import { InputError } from "../errors";
import { checkSummaryLength } from "../summarize";
import { lengthFromOptions, MalformedRowError, parseRow, summarizeRow } from "./summarize-rows";

const USAGE =
  "usage: npm run --silent summarize -- --in articles.jsonl --out summaries.jsonl [--sentences N | --words N | --ratio R] [--lang xx]";

async function main(): Promise<number> {
  let values: Record<string, string | undefined>;
  let length: SummaryLength;
  try {
    values = parseArgs({
      options: {
        in: { type: "string" },
        out: { type: "string" },
        sentences: { type: "string" },
        words: { type: "string" },
        ratio: { type: "string" },
        lang: { type: "string" },
      },
    }).values;
    length = lengthFromOptions(values);
    checkSummaryLength(length, "command line");
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.in || !values.out) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(values.in)) {
    console.error(`${values.in}: no such file`);
    return 1;
  }

  const output = createWriteStream(values.out, { encoding: "utf8" });
  const lines = createInterface({
    input: createReadStream(values.in, "utf8"),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  let written = 0;
  let skipped = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim().length === 0) continue;
    const where = `${values.in}:${lineNumber}`;
    try {
      const row = parseRow(line, where);
      const summary = summarizeRow(row, length, values.lang);
      if (!output.write(`${JSON.stringify({ id: row.id, summary: summary.text })}\n`)) {
        await once(output, "drain");
      }
      written++;
    } catch (error) {
      // Bad input (malformed row, empty text, invalid length…) skips the row; anything else is a bug.
      if (!(error instanceof InputError)) throw error;
      skipped++;
      // Normalizer errors name the row's id; the line number is what finds the row in the file.
      const located =
        error instanceof MalformedRowError ? error.message : `${where}: ${error.message}`;
      console.error(`skipped ${located}`);
    }
  }
  output.end();
  await once(output, "finish");
  console.error(
    `${written} summaries written to ${values.out}${skipped ? `, ${skipped} rows skipped` : ""}`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
