/**
 * Article text of a chosen size for the scaling curve: real news paragraphs (the BBC dev file in ../shared)
 * when present, otherwise the repository's sample articles, otherwise a fixed built-in paragraph set. The
 * source is reported so a chart never passes off one for another.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const BBC_DEV = join(REPO, "..", "shared", "eval", "bbc_dev.jsonl");
const SAMPLES = join(REPO, "tests", "fixtures", "samples");

const BUILT_IN = [
  "Heavy rain fell across the valley for seven days, and the river rose two metres above its usual level.",
  "The mayor asked residents near the bridge to stay at home while emergency crews placed sandbags.",
  "Officials said the water would begin to fall on Tuesday if the forecast for a dry weekend held.",
  "Farmers in the lower fields moved their animals to higher ground, and two schools closed early.",
];

export interface Corpus {
  source: string;
  paragraphs: string[];
}

export function loadCorpus(): Corpus {
  if (existsSync(BBC_DEV)) {
    const paragraphs = readFileSync(BBC_DEV, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .flatMap((line) => String((JSON.parse(line) as { text: string }).text).split(/\n\s*\n/))
      .map((p) => p.replace(/\s+/g, " ").trim())
      .filter((p) => p.length > 0);
    return { source: "../shared/eval/bbc_dev.jsonl paragraphs", paragraphs };
  }
  const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")) : [];
  if (samples.length > 0) {
    const paragraphs = samples.flatMap((f) =>
      readFileSync(join(SAMPLES, f), "utf8")
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    );
    return { source: "tests/fixtures/samples (../shared absent)", paragraphs };
  }
  return {
    source: "built-in paragraphs (../shared and tests/fixtures/samples absent)",
    paragraphs: BUILT_IN,
  };
}

/** A title line, then paragraphs separated by blank lines, cycling through the corpus up to `bytes`. */
export function articleOfSize(corpus: Corpus, bytes: number): string {
  const parts = ["Scaling probe article"];
  let size = Buffer.byteLength(parts[0] ?? "", "utf8");
  for (let i = 0; size < bytes; i++) {
    const paragraph = corpus.paragraphs[i % corpus.paragraphs.length] ?? "";
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph, "utf8") + 2;
  }
  return parts.join("\n\n");
}
