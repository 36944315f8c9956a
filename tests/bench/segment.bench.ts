/**
 * `npm run bench:segment [-- --json] [-- --failures]`: the sentence segmenter on the Golden Rules of
 * pragmatic_segmenter as collected in pySBD's tests (../shared/eval/segmenter/golden-rules.json): a case passes
 * when the trimmed sentences equal `expected` exactly. Each case is segmented with its own language code, as
 * the normalizer passes the article's language. Plus throughput: CPU time of segmentSentences over 10 MB of
 * concatenated dev article text (CNN/DM, BBC, OrangeSum; language "en"), best of several passes.
 * With --json, stdout is one object: {"goldenEn": {"passed", "total"}, "goldenOther": {"passed", "total"},
 * "mbPerSec"}. --failures lists each failing case with what was expected and what came out.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { segmentSentences } from "../../shared/normalize";
import { benchArgs } from "./args";
import { EVAL, longText } from "./normalize-corpus";

const GOLDEN = join(EVAL, "segmenter", "golden-rules.json");
const MB = 1_048_576;
const SPEED_BYTES = 10 * MB;
const SPEED_PASSES = 5;

interface Case {
  id: string;
  lang: string;
  input: string;
  expected: string[];
}

const options = benchArgs("npm run bench:segment -- [--json] [--failures]", {
  json: { type: "boolean" },
  failures: { type: "boolean" },
});
const json = options.json === true;
const showFailures = options.failures === true;

if (!existsSync(GOLDEN)) {
  const message = `bench:segment: ${GOLDEN} is absent (the eval data sits beside the repo, not in it): nothing measured.`;
  if (json) {
    console.error(message);
    console.log(JSON.stringify({ goldenEn: null, goldenOther: null, mbPerSec: null }));
  } else {
    console.log(message);
  }
  process.exit(0);
}

function sentences(text: string, lang: string): string[] {
  return segmentSentences(text, lang).map((span) => text.slice(span.start, span.end).trim());
}

const cases = (JSON.parse(readFileSync(GOLDEN, "utf8")) as { cases: Case[] }).cases;
const byLanguage = new Map<string, { passed: number; total: number }>();
const failures: { c: Case; got: string[] }[] = [];
for (const c of cases) {
  const got = sentences(c.input, c.lang);
  const passed =
    got.length === c.expected.length && got.every((s, i) => s === c.expected[i]?.trim());
  const row = byLanguage.get(c.lang) ?? { passed: 0, total: 0 };
  row.total++;
  if (passed) row.passed++;
  else failures.push({ c, got });
  byLanguage.set(c.lang, row);
}

const english = byLanguage.get("en") ?? { passed: 0, total: 0 };
const other = { passed: 0, total: 0 };
for (const [lang, row] of byLanguage) {
  if (lang === "en") continue;
  other.passed += row.passed;
  other.total += row.total;
}

/** CPU time, not wall time: the machine is shared, and CPU time leaves out the time another process held the core. */
function mbPerSec(): number {
  const text = new TextDecoder().decode(longText(SPEED_BYTES));
  const mb = Buffer.byteLength(text) / MB;
  segmentSentences(text, "en");
  let bestMs = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < SPEED_PASSES; pass++) {
    const start = process.cpuUsage();
    segmentSentences(text, "en");
    const used = process.cpuUsage(start);
    bestMs = Math.min(bestMs, (used.user + used.system) / 1000);
  }
  return Math.round((mb / (bestMs / 1000)) * 10) / 10;
}

const speed = mbPerSec();

if (json) {
  console.log(JSON.stringify({ goldenEn: english, goldenOther: other, mbPerSec: speed }));
  process.exit(0);
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log("language | passed | total");
console.log("---------|--------|------");
const languages = [...byLanguage.keys()].sort((a, b) =>
  a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b),
);
for (const lang of languages) {
  const row = byLanguage.get(lang) ?? { passed: 0, total: 0 };
  console.log(`${lang.padEnd(8)} | ${pad(row.passed, 6)} | ${pad(row.total, 5)}`);
}
console.log("---------|--------|------");
console.log(`English  | ${pad(english.passed, 6)} | ${pad(english.total, 5)}`);
console.log(`other    | ${pad(other.passed, 6)} | ${pad(other.total, 5)}`);
console.log("");
console.log(
  `throughput: ${speed} MB/s (CPU time, best of ${SPEED_PASSES} passes over 10 MB of concatenated dev article text, lang "en")`,
);
console.log(`cases: ${GOLDEN}`);
if (showFailures) {
  for (const { c, got } of failures) {
    console.log(`\n✗ ${c.id}\n  input:    ${JSON.stringify(c.input)}`);
    console.log(`  expected: ${JSON.stringify(c.expected)}\n  got:      ${JSON.stringify(got)}`);
  }
} else if (failures.length > 0) {
  console.log(`failing: ${failures.map((f) => f.c.id).join(", ")} (--failures shows them)`);
}
