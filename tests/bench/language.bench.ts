/**
 * `npm run --silent bench:language [-- --json]`: accuracy and speed of language detection on short and long
 * text from ../shared/eval: eld with all 60 languages vs eld restricted to the short-text set and to 20 major
 * news languages, on headlines (short) and on the first 200 / 1,000 characters of article bodies; and the
 * project's detectLanguage (eld's answers computed by shared/normalize/language-scores.ts, on its 300-character
 * sample, the short-text set below 100 characters). This is the measurement behind the choices in
 * shared/normalize/language.ts and the reason language-scores.ts exists (its time per text against eld's).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { eld } from "eld/extrasmall";

const EVAL = join(dirname(fileURLToPath(import.meta.url)), "../../../shared/eval");

import { detectLanguage, SHORT_TEXT_LANGUAGES } from "../../shared/normalize/language";
import { benchArgs } from "./args";

/** 20 major news languages: the strictest restriction worth comparing. */
const MAJOR = [
  "en",
  "es",
  "fr",
  "de",
  "it",
  "pt",
  "nl",
  "ru",
  "ar",
  "zh",
  "ja",
  "ko",
  "hi",
  "tr",
  "pl",
  "sv",
  "uk",
  "he",
  "fa",
  "vi",
];
interface Detector {
  name: string;
  /** The language code `text` is detected as. */
  detect: (text: string) => string;
  /** eld's language subset while it runs. */
  subset?: string[];
}

const byEld = (text: string) => eld.detect(text).language;
const DETECTORS: Detector[] = [
  { name: "eld, 60 languages", detect: byEld },
  {
    name: `eld, ${SHORT_TEXT_LANGUAGES.length} (short-text set)`,
    detect: byEld,
    subset: [...SHORT_TEXT_LANGUAGES],
  },
  { name: `eld, ${MAJOR.length} major`, detect: byEld, subset: MAJOR },
  { name: "detectLanguage (project)", detect: (text) => detectLanguage(text).code },
];

interface Sample {
  text: string;
  expected: string;
}

function rows(file: string): Record<string, string | null>[] {
  return readFileSync(join(EVAL, file), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}

function sets(): Record<string, Sample[]> {
  const bbc = rows("bbc_dev.jsonl");
  const orange = rows("orangesum_fr_dev.jsonl");
  const pairs = rows("en_es_newstest2013_dev.jsonl");
  const cnn = rows("cnndm_lower_dev.jsonl").slice(0, 300);
  const shortPairs = pairs.filter((p) => (p.en ?? "").split(" ").length <= 6);
  return {
    "headlines en (bbc)": bbc.map((r) => ({ text: r.title ?? "", expected: "en" })),
    "headlines fr (orangesum)": orange.map((r) => ({ text: r.title ?? "", expected: "fr" })),
    "short sentences en (≤6 words)": shortPairs.map((p) => ({ text: p.en ?? "", expected: "en" })),
    "short sentences es": shortPairs.map((p) => ({ text: p.es ?? "", expected: "es" })),
    "sentences en (newstest)": pairs.map((p) => ({ text: p.en ?? "", expected: "en" })),
    "sentences es (newstest)": pairs.map((p) => ({ text: p.es ?? "", expected: "es" })),
    "body 200 chars en (lowercased cnndm)": cnn.map((r) => ({
      text: (r.text ?? "").slice(0, 200),
      expected: "en",
    })),
    "body 200 chars fr": orange.map((r) => ({
      text: (r.text ?? "").slice(0, 200),
      expected: "fr",
    })),
    "body 1000 chars en (bbc)": bbc.map((r) => ({
      text: (r.text ?? "").slice(0, 1000),
      expected: "en",
    })),
  };
}

function measure(
  samples: Sample[],
  detector: Detector,
): { accuracy: number; microsPerText: number } {
  eld.setLanguageSubset(detector.subset ?? false);
  try {
    let right = 0;
    const started = performance.now();
    for (const sample of samples) if (detector.detect(sample.text) === sample.expected) right++;
    const micros = ((performance.now() - started) * 1000) / samples.length;
    return { accuracy: right / samples.length, microsPerText: micros };
  } finally {
    eld.setLanguageSubset(false);
  }
}

function main(): void {
  const json =
    benchArgs("npm run --silent bench:language -- [--json]", { json: { type: "boolean" } }).json ===
    true;
  if (!existsSync(EVAL)) {
    const message = `../shared/eval is absent (${EVAL}): nothing to measure`;
    if (json) console.log(JSON.stringify({ skipped: message }));
    else console.log(message);
    return;
  }
  const results: Record<string, Record<string, number>> = {};
  const table: string[][] = [];
  for (const [name, samples] of Object.entries(sets())) {
    const row: Record<string, number> = { n: samples.length };
    const cells = [name, String(samples.length)];
    for (const detector of DETECTORS) {
      measure(samples.slice(0, 20), detector);
      const { accuracy, microsPerText } = measure(samples, detector);
      row[`${detector.name}: accuracy`] = accuracy;
      row[`${detector.name}: µs/text`] = microsPerText;
      cells.push(`${(accuracy * 100).toFixed(1)}% ${microsPerText.toFixed(0).padStart(4)} µs`);
    }
    results[name] = row;
    table.push(cells);
  }
  if (json) {
    console.log(JSON.stringify(results));
    return;
  }
  const header = ["set (accuracy, time per text)", "n", ...DETECTORS.map(({ name }) => name)];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...table.map((row) => (row[i] ?? "").length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const row of table) console.log(line(row));
}

main();
