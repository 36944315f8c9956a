/**
 * `tsx tests/bench/normalize-fingerprint.ts <out.jsonl> [--compare <before.jsonl>]`: a hash of the normalized
 * article (its whole JSON) for every input the normalizer can be shown, one line per input, so that a speed
 * change can be shown not to change any article. Inputs, each set skipped when absent:
 * - every row of ../shared/eval/*.jsonl, read three ways: as the summarize CLI reads it (normalizeJsonValue on
 *   {title, text}), as the same object saved as a .json file, and as a .txt file (headline, blank line, body);
 *   translation rows give their English and their Spanish side as articles;
 * - the html-aeb pages (../shared/eval/html-aeb/html/*.html.gz);
 * - the segmenter's golden-rule texts: segmentSentences' spans with the case's language, and the text
 *   normalized as a .txt file with that language stated;
 * - the documents under tests/fixtures (samples, normalize, documents: .docx and .pdf, failures included);
 * - 1 MB of concatenated article text as one .txt file.
 * A refused input's line carries the error's name and message instead of a hash.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { normalizeDocument, normalizeJsonValue, segmentSentences } from "../../shared/normalize";
import { EVAL, longText, REPO } from "./normalize-corpus";

const [out, flag, before] = process.argv.slice(2);
if (!out || (flag !== undefined && (flag !== "--compare" || !before))) {
  console.error(
    "usage: tsx tests/bench/normalize-fingerprint.ts <out.jsonl> [--compare <before.jsonl>]",
  );
  process.exit(2);
}

const encoder = new TextEncoder();
const lines: string[] = [];
const counts = new Map<string, number>();

const hash = (value: unknown): string =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 24);

async function record(set: string, id: string, how: string, run: () => unknown): Promise<void> {
  let result: string;
  try {
    result = hash(await run());
  } catch (error) {
    result = `${(error as Error).name}: ${(error as Error).message}`;
  }
  counts.set(set, (counts.get(set) ?? 0) + 1);
  lines.push(JSON.stringify({ set, id, how, result }));
}

const asFile = (fileName: string, text: string, languageOverride?: string) => () =>
  normalizeDocument({
    bytes: encoder.encode(text),
    fileName,
    maxBytes: 1e8,
    ...(languageOverride ? { languageOverride } : {}),
  });

async function evalRows(): Promise<void> {
  if (!existsSync(EVAL)) return;
  const files = readdirSync(EVAL)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  for (const file of files) {
    const rows = readFileSync(join(EVAL, file), "utf8").trim().split("\n");
    for (const line of rows) {
      const row = JSON.parse(line) as Record<string, string | null>;
      const id = String(row.id);
      const articles =
        typeof row.text === "string"
          ? [{ id, title: row.title ?? null, text: row.text }]
          : [
              { id: `${id}/en`, title: null, text: String(row.en) },
              { id: `${id}/es`, title: null, text: String(row.es) },
            ];
      for (const { id: name, title, text } of articles) {
        const value = { title, text };
        await record(file, name, "value", () =>
          normalizeJsonValue({ value, bytes: text.length, fileName: `${name}.json` }),
        );
        await record(file, name, "json", asFile(`${name}.json`, JSON.stringify(value)));
        await record(
          file,
          name,
          "txt",
          asFile(`${name}.txt`, title ? `${title}\n\n${text}` : text),
        );
      }
    }
  }
}

async function htmlPages(): Promise<void> {
  const folder = join(EVAL, "html-aeb", "html");
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith(".html.gz")) continue;
    const bytes = new Uint8Array(gunzipSync(readFileSync(join(folder, name))));
    await record("html-aeb", name, "html", () =>
      normalizeDocument({ bytes, fileName: name.slice(0, -3) }),
    );
  }
}

async function goldenRules(): Promise<void> {
  const file = join(EVAL, "segmenter", "golden-rules.json");
  if (!existsSync(file)) return;
  const { cases } = JSON.parse(readFileSync(file, "utf8")) as {
    cases: { id: string; lang: string; input: string }[];
  };
  for (const c of cases) {
    await record("golden", c.id, "segment", () => segmentSentences(c.input, c.lang));
    await record("golden", c.id, "txt", asFile(`${c.id}.txt`, c.input, c.lang));
  }
}

async function fixtures(): Promise<void> {
  for (const folder of ["samples", "normalize", "documents"]) {
    const dir = join(REPO, "tests", "fixtures", folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".ts")) continue;
      const bytes = new Uint8Array(readFileSync(join(dir, name)));
      await record("fixtures", `${folder}/${name}`, "file", () =>
        normalizeDocument({ bytes, fileName: name }),
      );
    }
  }
}

await evalRows();
await htmlPages();
await goldenRules();
await fixtures();
await record(
  "long",
  "1MB",
  "txt",
  asFile("long.txt", new TextDecoder().decode(longText(1_048_576))),
);
writeFileSync(out, `${lines.join("\n")}\n`);
console.log([...counts].map(([set, n]) => `${set} ${n}`).join(", "));

if (before) {
  const old = readFileSync(before, "utf8").trim().split("\n");
  const different = lines.filter((line, i) => line !== old[i]);
  console.log(
    `${lines.length} inputs (${old.length} before): ${different.length} with a different article`,
  );
  for (const line of different.slice(0, 10)) console.log(`  ${line}`);
  process.exitCode = different.length > 0 || lines.length !== old.length ? 1 : 0;
}
