/**
 * shared/normalize/language-scores.ts re-computes eld's detection over eld's database; these tests pin its
 * answers to eld.detect itself (and language.ts's confidence to the one it computed from eld's result), on
 * the repo's corpus of many languages, scripts and odd texts, and on every text of ../shared/eval when present.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { eld } from "eld/extrasmall";
import { describe, expect, it } from "vitest";
import { detectLanguage, SHORT_TEXT_LANGUAGES } from "../../../shared/normalize/language";
import { separators } from "../../../shared/normalize/language-eld.mjs";
import type { EldDatabase } from "../../../shared/normalize/language-eld-table.mjs";
import { stamp } from "../../../shared/normalize/language-ngram-memo";
import { detectWithEld } from "../../../shared/normalize/language-scores";
import { lettersOf, separate } from "../../../shared/normalize/language-separators";
import { LanguageSubset } from "../../../shared/normalize/language-subset";

const ROOT = join(import.meta.dirname, "../../..");
const EVAL = join(ROOT, "../shared/eval");
const CORPUS: string[] = JSON.parse(
  readFileSync(join(ROOT, "tests/fixtures/language/identity-corpus.json"), "utf8"),
);
const SHORT = new LanguageSubset(SHORT_TEXT_LANGUAGES);
const { ngramsData } = (await import(
  "../../../node_modules/eld/src/ngrams/extrasmall.js" as string
)) as { ngramsData: EldDatabase };

/** What language.ts read of eld.detect before language-scores.ts existed. */
function eldVerdict(text: string) {
  const result = eld.detect(text);
  if (!result.language) return undefined;
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  return {
    code: result.language,
    best: scores[0] ?? 0,
    runnerUp: scores[1] ?? 0,
    reliable: result.isReliable(),
  };
}

function withEldSubset<T>(run: () => T): T {
  eld.setLanguageSubset([...SHORT_TEXT_LANGUAGES]);
  try {
    return run();
  } finally {
    eld.setLanguageSubset(false);
  }
}

/** language.ts's detectLanguage as it was, on eld, for a text within its sample size (300 characters). */
function eldDetectLanguage(text: string) {
  if (!/\p{L}/u.test(text)) return { code: "und", confidence: 0, method: "detected" };
  const verdict = text.length < 100 ? withEldSubset(() => eldVerdict(text)) : eldVerdict(text);
  if (verdict === undefined) return { code: "und", confidence: 0, method: "detected" };
  const margin = verdict.best > 0 ? (verdict.best - verdict.runnerUp) / verdict.best : 0;
  const confidence = (verdict.reliable ? 0.5 : 0) + 0.5 * Math.min(1, margin / 0.3);
  return { code: verdict.code, confidence: Math.round(confidence * 100) / 100, method: "detected" };
}

/** Texts as detection meets them: whole (eld reads 1,000 characters), a body sample, a headline's length. */
function variants(texts: string[]): string[] {
  return texts.flatMap((text) => [text, text.slice(0, 300), text.slice(0, 99), text.slice(0, 40)]);
}

/** Every text and its variants on which the detector and eld disagree, with both answers. */
function disagreements(texts: string[]) {
  const differing: { text: string; ours: unknown; eld: unknown }[] = [];
  const all = variants(texts);
  for (const text of all) {
    const ours = detectWithEld(text);
    const theirs = eldVerdict(text);
    if (!isDeepEqual(ours, theirs)) differing.push({ text, ours, eld: theirs });
  }
  withEldSubset(() => {
    for (const text of all) {
      const ours = detectWithEld(text, SHORT);
      const theirs = eldVerdict(text);
      if (!isDeepEqual(ours, theirs))
        differing.push({ text: `(subset) ${text}`, ours, eld: theirs });
    }
  });
  for (const text of all.filter((each) => each.length <= 300)) {
    const ours = detectLanguage(text);
    const theirs = eldDetectLanguage(text);
    if (!isDeepEqual(ours, theirs))
      differing.push({ text: `(detectLanguage) ${text}`, ours, eld: theirs });
  }
  return { compared: all.length, differing: differing.slice(0, 5) };
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A deterministic stream of texts drawn from `alphabet` (xorshift). */
function randomTexts(count: number, length: number, alphabet: string[], seed = 42): string[] {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""),
  );
}

function evalTexts(): string[] {
  const texts: string[] = [];
  for (const file of readdirSync(EVAL).filter((name) => name.endsWith(".jsonl"))) {
    for (const line of readFileSync(join(EVAL, file), "utf8").split("\n").filter(Boolean)) {
      const row = JSON.parse(line) as Record<string, unknown>;
      for (const key of ["title", "text", "en", "es"]) {
        const value = row[key];
        if (typeof value === "string") texts.push(value);
      }
    }
  }
  const pages = join(EVAL, "html-aeb");
  const truth = JSON.parse(readFileSync(join(pages, "ground-truth.json"), "utf8")) as Record<
    string,
    { articleBody: string }
  >;
  texts.push(...Object.values(truth).map((page) => page.articleBody));
  for (const file of readdirSync(join(pages, "html"))) {
    const html = gunzipSync(readFileSync(join(pages, "html", file))).toString("utf8");
    texts.push(html.replace(/<[^>]*>/g, " ").slice(0, 5000));
  }
  const rules = join(EVAL, "segmenter/golden-rules.json");
  if (existsSync(rules)) {
    const { cases } = JSON.parse(readFileSync(rules, "utf8")) as { cases: { input: string }[] };
    texts.push(...cases.map((rule) => rule.input));
  }
  return texts;
}

describe("eld's detection over its own database", () => {
  it("should find eld's scores integers of known languages, so their sums do not depend on order", () => {
    // Prepare
    const languageCount = Object.keys(ngramsData.languages).length;
    let odd = 0;
    // Act
    for (const scores of Object.values(ngramsData.ngrams)) {
      for (const [language, score] of Object.entries(scores)) {
        const id = Number(language);
        if (!Number.isInteger(score) || !(id >= 0 && id < languageCount)) odd++;
      }
    }
    // Assess
    expect(odd).toBe(0);
  });

  it("should read eld's letters from its pattern, each UTF-16 unit as the pattern treats it", () => {
    // Prepare
    const letters = lettersOf(separators);
    const apostrophes = new Set([0x27, 0x60, 0x2019]);
    const wrong: number[] = [];
    // Act
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      const kept = char.replace(separators, "") === char && !apostrophes.has(unit);
      if (letters === false || (letters[unit] === 1) !== kept) wrong.push(unit);
    }
    // Assess
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it("should separate words as eld's pattern does, apostrophes, astral characters and lone surrogates too", () => {
    // Prepare
    const alphabet = [..."ab éИ中 .,-'`’'\u2019 1😀\ud800\udc00\u00a0\n"];
    const texts = [...CORPUS, ...randomTexts(5000, 24, alphabet)];
    // Act
    const differing = texts.filter((text) => separate(text) !== text.replace(separators, " "));
    // Assess
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it("should give eld's answer on every text of the corpus, whole, sampled and short, in and out of the subset", () => {
    // Act
    const { compared, differing } = disagreements(CORPUS);
    // Assess
    expect(compared).toBe(CORPUS.length * 4);
    expect(differing).toEqual([]);
  });

  it("should keep giving eld's answers once its memo of n-grams fills and starts again", () => {
    // Prepare: ~75 new n-grams a text, past the memo's 131,072 entries
    const texts = randomTexts(2500, 300, [..."abcdefghijklmnopqrstuvwxyzäöüéñ  "], 7);
    let restarts = 0;
    // Act
    const differing = texts.filter((text) => {
      const before = stamp;
      const same = isDeepEqual(detectWithEld(text), eldVerdict(text));
      // A restart sets the detection stamp back to 0 before counting this detection.
      if (stamp <= before) restarts++;
      return !same;
    });
    // Assess
    expect(restarts).toBeGreaterThan(0);
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it.skipIf(!existsSync(EVAL))(
    "should give eld's answer on every text and title of ../shared/eval, both sides of the translations, the pages' texts",
    () => {
      // Prepare
      const texts = evalTexts();
      // Act
      const { compared, differing } = disagreements(texts);
      // Assess
      expect(compared).toBeGreaterThan(20_000);
      expect(differing).toEqual([]);
    },
    120_000,
  );
});
