import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_INPUT_BYTES } from "../../../shared/limits";
import {
  ConfigError,
  configToEnv,
  DEFAULT_MAX_LANGUAGES_PER_UPLOAD,
  logPreview,
  parseConfig,
} from "../../../shared/pipeline/config";

const BASE = { RESULTS_BUCKET: "results" };

describe("parseConfig", () => {
  it("should apply the defaults when only the results bucket is set", () => {
    expect(parseConfig(BASE)).toEqual({
      resultsBucket: "results",
      targetLanguages: [],
      maxLanguagesPerUpload: DEFAULT_MAX_LANGUAGES_PER_UPLOAD,
      summaryLength: { mode: "sentences", value: 3 },
      translation: { profanity: false, brevity: false, terminologyNames: [] },
      maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
      logPreviewChars: 40,
    });
  });

  it("should accept a log preview of 0 (no article text in logs) and reject a negative or huge one", () => {
    expect(parseConfig({ ...BASE, LOG_PREVIEW_CHARS: "0" }).logPreviewChars).toBe(0);
    expect(() => parseConfig({ ...BASE, LOG_PREVIEW_CHARS: "-1" })).toThrow(/LOG_PREVIEW_CHARS/);
    expect(() => parseConfig({ ...BASE, LOG_PREVIEW_CHARS: "5000" })).toThrow(ConfigError);
  });

  it("should read a cap of languages per upload, 0 (the metadata refused) included", () => {
    expect(parseConfig({ ...BASE, MAX_LANGUAGES_PER_UPLOAD: "3" }).maxLanguagesPerUpload).toBe(3);
    expect(parseConfig({ ...BASE, MAX_LANGUAGES_PER_UPLOAD: "0" }).maxLanguagesPerUpload).toBe(0);
  });

  it("should normalize, deduplicate and keep the order of target languages", () => {
    const config = parseConfig({ ...BASE, TARGET_LANGUAGES: " ES, fr ,es, fr-ca,zh-TW " });
    expect(config.targetLanguages).toEqual(["es", "fr", "fr-CA", "zh-TW"]);
  });

  it("should read every translation setting", () => {
    // Act
    const config = parseConfig({
      ...BASE,
      TRANSLATE_FORMALITY: "formal",
      TRANSLATE_PROFANITY: "true",
      TRANSLATE_BREVITY: "1",
      TERMINOLOGY_NAMES: "newsroom",
      SUMMARY_LENGTH: "words:120",
    });
    // Assess
    expect(config.translation).toEqual({
      formality: "FORMAL",
      profanity: true,
      brevity: true,
      terminologyNames: ["newsroom"],
    });
    expect(config.summaryLength).toEqual({ mode: "words", value: 120 });
  });

  it.each([
    [{ RESULTS_BUCKET: "" }, /RESULTS_BUCKET is required/],
    [{ TARGET_LANGUAGES: "es,spanish!" }, /TARGET_LANGUAGES: "spanish!"/],
    [{ SUMMARY_SENTENCES: "0" }, /SUMMARY_SENTENCES must be an integer from 1/],
    [{ SUMMARY_LENGTH: "ratio:1.5" }, /SUMMARY_LENGTH must be/],
    [{ TRANSLATE_FORMALITY: "casual" }, /TRANSLATE_FORMALITY must be FORMAL, INFORMAL/],
    [{ TRANSLATE_PROFANITY: "maybe" }, /TRANSLATE_PROFANITY must be true or false/],
    [{ TERMINOLOGY_NAMES: "a,b" }, /at most one terminology/],
    [{ MAX_INPUT_BYTES: "-5" }, /MAX_INPUT_BYTES/],
    [{ MAX_LANGUAGES_PER_UPLOAD: "3.5" }, /MAX_LANGUAGES_PER_UPLOAD must be a whole number/],
  ])("should refuse %j with an error naming the setting", (env, message) => {
    expect(() => parseConfig({ ...BASE, ...env })).toThrow(ConfigError);
    expect(() => parseConfig({ ...BASE, ...env })).toThrow(message);
  });

  it("should round-trip through configToEnv", () => {
    const config = parseConfig({
      ...BASE,
      TARGET_LANGUAGES: "es,fr",
      MAX_LANGUAGES_PER_UPLOAD: "4",
      TRANSLATE_FORMALITY: "INFORMAL",
      SUMMARY_LENGTH: "ratio:0.2",
    });
    expect(parseConfig(configToEnv(config))).toEqual(config);
  });
});

describe("logPreview", () => {
  it("should cut text to the preview length with an ellipsis, counting code points", () => {
    expect(logPreview("Dockworkers walk out", 40)).toBe("Dockworkers walk out");
    expect(logPreview("Dockworkers walk out", 8)).toBe("Dockwor…");
    expect(logPreview("😀😀😀😀", 3)).toBe("😀😀…");
  });

  it("should log nothing when the preview is 0 or there is no text", () => {
    expect(logPreview("Dockworkers walk out", 0)).toBe("");
    expect(logPreview(null, 40)).toBe("");
  });
});
