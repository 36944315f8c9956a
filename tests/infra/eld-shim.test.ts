/**
 * The Lambda bundles replace eld's database with infra/aws/bundle-shims/eld-ngrams.mjs (read from the package's
 * lazy/eld/ files on first use), and `eld/extrasmall` with eld-extrasmall.mjs (eld's detector over it). Built
 * the way the normalize Lambda is built, its data must be eld's, and its answers eld's.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliDecompressSync } from "node:zlib";
import { eld as real } from "eld/extrasmall";
import { beforeAll, describe, expect, it } from "vitest";
import type { lookupLine as LookupLine } from "../../infra/aws/bundle-shims/eld-extrasmall.mjs";
import { ELD_META_FILE, ELD_NGRAMS_FILE } from "../../infra/aws/bundle-shims/lazy-files.mjs";
import { buildLambdaPackage } from "../../infra/aws/bundling";
import { detectLanguage, SHORT_TEXT_LANGUAGES } from "../../shared/normalize/language";

const ROOT = join(import.meta.dirname, "../..");
const EVAL = join(ROOT, "../shared/eval");
const OUT = join(ROOT, "tests/output/eld-shim");

let shim: typeof real;
/** shared/normalize/language.ts as the normalize Lambda bundles it. */
let bundledDetectLanguage: typeof detectLanguage;
/** The shim's table lookup, as built (importing the shim itself would read a lazy/ folder it has not). */
let lookupLine: typeof LookupLine;

beforeAll(async () => {
  const built = await buildLambdaPackage({
    entry: join(ROOT, "infra/aws/bundle-shims/eld-extrasmall.mjs"),
    outDir: OUT,
  });
  const module = (await import(pathToFileURL(built.bundleFile).href)) as {
    eld: typeof real;
    lookupLine: typeof LookupLine;
  };
  shim = module.eld;
  lookupLine = module.lookupLine;
  const language = await buildLambdaPackage({
    entry: join(ROOT, "shared/normalize/language.ts"),
    outDir: join(OUT, "language"),
  });
  bundledDetectLanguage = (
    (await import(pathToFileURL(language.bundleFile).href)) as {
      detectLanguage: typeof detectLanguage;
    }
  ).detectLanguage;
}, 60_000);

type Detector = typeof real;

const readTable = () =>
  brotliDecompressSync(readFileSync(join(OUT, "lazy", ELD_NGRAMS_FILE))).toString("latin1");

function answer(detector: Detector, text: string) {
  const result = detector.detect(text);
  return { language: result.language, reliable: result.isReliable(), scores: result.getScores() };
}

function texts(): string[] {
  const found = ["tests/fixtures/samples", "tests/fixtures/normalize"].flatMap((dir) =>
    readdirSync(join(ROOT, dir)).map((file) =>
      readFileSync(join(ROOT, dir, file), "utf8").slice(0, 2000),
    ),
  );
  if (!existsSync(EVAL)) {
    console.log(`eld shim: ${EVAL} is absent, comparing on the repo fixtures only`);
    return found;
  }
  for (const file of readdirSync(EVAL).filter((name) => name.endsWith(".jsonl"))) {
    const rows = readFileSync(join(EVAL, file), "utf8").split("\n").filter(Boolean).slice(0, 60);
    for (const row of rows) {
      const data = JSON.parse(row) as Record<string, unknown>;
      for (const key of ["title", "text", "en", "es"]) {
        const value = data[key];
        if (typeof value === "string") found.push(value.slice(0, 300), value.slice(0, 60));
      }
    }
  }
  return found;
}

describe("eld shim of the Lambda bundles", () => {
  it("should hold eld's extra-small database exactly, each n-gram found by its lookup", async () => {
    // Prepare
    const { ngramsData } = (await import(
      "../../node_modules/eld/src/ngrams/extrasmall.js" as string
    )) as { ngramsData: { ngrams: Record<string, Record<string, number>> } };
    const table = readTable();
    const meta = JSON.parse(readFileSync(join(OUT, "lazy", ELD_META_FILE), "utf8"));
    // Act
    const found: Record<string, Record<string, number>> = {};
    for (const key of Object.keys(ngramsData.ngrams)) {
      const value = lookupLine(table, key);
      found[key] = Object.fromEntries(
        (value ?? "").split(",").map((pair) => {
          const [language = "", score = ""] = pair.split(":");
          return [language, Number(score)];
        }),
      );
    }
    // Assess
    expect({ ...meta, ngrams: found }).toEqual(ngramsData);
  });

  it("should find no n-gram that eld lacks, before, between or after its keys", () => {
    // Prepare
    const table = readTable();
    const keys = table.split("\n").map((line) => line.slice(0, line.indexOf("\t")));
    const absent = [" ", "\x1f", "\xff\xff\xff\xff\xff", `${keys[0]}\x00`, `${keys[100]}\x00`, ""];
    // Assess
    for (const key of absent) expect(lookupLine(table, key), JSON.stringify(key)).toBeUndefined();
    expect(lookupLine(table, keys.at(-1) as string)).toBeDefined();
  });

  it("should detect what eld detects, on full texts and within the short-text subset", () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(3);
    for (const text of all) {
      // Assess
      expect(answer(shim, text), text).toEqual(answer(real, text));
    }
    for (const detector of [real, shim]) detector.setLanguageSubset([...SHORT_TEXT_LANGUAGES]);
    try {
      for (const text of all)
        expect(answer(shim, text.slice(0, 80)), text).toEqual(answer(real, text.slice(0, 80)));
    } finally {
      for (const detector of [real, shim]) detector.setLanguageSubset(false);
    }
  });

  it("should detect languages in the bundle as from source, eld's database read from the table", () => {
    const all = texts();
    for (const text of all) {
      // Assess
      for (const sample of [text, text.slice(0, 80)]) {
        expect(bundledDetectLanguage(sample), sample).toEqual(detectLanguage(sample));
      }
    }
  });
});
