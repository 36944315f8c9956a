import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  canonicalLanguageTag,
  isLanguageTag,
  LANGUAGE_TAG_PATTERN,
  languageRegion,
  primaryLanguage,
} from "../../../shared/contract/language";
import { languageOverride } from "../../../shared/normalize/language";
import { ConfigError, parseTargetLanguages } from "../../../shared/pipeline/config";
import { languageTag } from "../../../shared/report/language";
import {
  AMAZON_TRANSLATE_LANGUAGES,
  amazonTranslateCode,
} from "../../../shared/translate/supported-languages";

const SCHEMAS = join(import.meta.dirname, "../../../shared/contract/schemas");

const VALID: [string, string][] = [
  ["zh-hant", "zh-Hant"],
  ["pt-br", "pt-BR"],
  ["ZH-HANT-tw", "zh-Hant-TW"],
  [" es ", "es"],
  ["es-419", "es-419"],
  ["sr-latn-rs", "sr-Latn-RS"],
  ["de-1996", "de-1996"],
  ["iw", "he"],
  ["eng", "en"],
  ["tl", "tl"],
  ["TL-ph", "tl-PH"],
];

const INVALID = [
  "",
  "english",
  "spanish!",
  "en_US",
  "e",
  "en-u-nu-thai",
  "en-x-twain",
  "x-foo",
  "1a",
];

describe("canonicalLanguageTag", () => {
  it.each(VALID)("should spell %j as %j", (input, canonical) => {
    expect(canonicalLanguageTag(input)).toBe(canonical);
    expect(isLanguageTag(input)).toBe(true);
  });

  it.each(INVALID)("should refuse %j", (input) => {
    expect(canonicalLanguageTag(input)).toBeUndefined();
    expect(isLanguageTag(input)).toBe(false);
  });

  it("should give tags that match the pattern the JSON Schemas use", () => {
    const pattern = new RegExp(LANGUAGE_TAG_PATTERN);
    for (const [, canonical] of VALID) expect(canonical).toMatch(pattern);
    expect("und").toMatch(pattern);
    expect("zh-HANT").not.toMatch(pattern);
  });
});

describe("one answer from every caller", () => {
  it.each(VALID)(
    "should spell %j the same in settings, overrides and reports",
    (input, canonical) => {
      // Act
      const [fromSettings] = parseTargetLanguages("TARGET_LANGUAGES", input);
      const fromOverride = languageOverride(input, "a.txt").code;
      const fromReport = languageTag(input);
      // Assess
      expect([fromSettings, fromOverride, fromReport]).toEqual([canonical, canonical, canonical]);
    },
  );

  it.each(INVALID.filter((code) => code !== ""))("should refuse %j everywhere", (input) => {
    expect(() => parseTargetLanguages("TARGET_LANGUAGES", input)).toThrow(ConfigError);
    expect(() => languageOverride(input, "a.txt")).toThrow(/not a language code/);
    expect(languageTag(input)).toBe("und");
  });

  it("should use the one pattern for every language field of the JSON Schemas", () => {
    // Prepare
    const patterns = readdirSync(SCHEMAS)
      .filter((name) => name.endsWith(".schema.json"))
      .flatMap((name) =>
        [
          ...readFileSync(join(SCHEMAS, name), "utf8").matchAll(/"pattern": "(\^\[a-z\][^"]*)"/g),
        ].map((m) => m[1]),
      );
    // Assess
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    expect(new Set(patterns)).toEqual(new Set([LANGUAGE_TAG_PATTERN]));
  });
});

describe("primaryLanguage and languageRegion", () => {
  it("should take the primary subtag of tags and of Apertium mode names", () => {
    expect(["pt-BR", "zh_Hant", "ES", "fil"].map(primaryLanguage)).toEqual([
      "pt",
      "zh",
      "es",
      "fil",
    ]);
  });

  it("should find the region after a script", () => {
    expect(["pt-br", "zh-Hant-TW", "zh-Hant", "nope!"].map(languageRegion)).toEqual([
      "BR",
      "TW",
      undefined,
      undefined,
    ]);
  });
});

describe("Amazon Translate codes", () => {
  it("should map every listed code, once canonical, back to Translate's own spelling", () => {
    for (const code of AMAZON_TRANSLATE_LANGUAGES) {
      const canonical = canonicalLanguageTag(code);
      expect(canonical, code).toBe(code);
      expect(amazonTranslateCode(canonical ?? ""), code).toBe(code);
    }
  });
});
