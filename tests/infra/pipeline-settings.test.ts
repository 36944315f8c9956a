/** The settings the ArticlePipeline construct takes, checked as `cdk synth -c …` checks them. */
import { describe, expect, it } from "vitest";
import {
  checkedOperations,
  checkedSettings,
  pipelineSettings,
} from "../../infra/aws/constructs/pipeline-settings";
import { ConfigError } from "../../shared/pipeline/config";
import { INPUT_BUDGET, maxLanguagesFor } from "../../shared/pipeline/resources";

describe("checkedSettings", () => {
  it("should return settings made by pipelineSettings unchanged, every setting off its default", () => {
    // Prepare
    const settings = pipelineSettings({
      targetLanguages: ["de", "ja", "fr-CA"],
      maxLanguagesPerUpload: 2,
      summarySentences: 4,
      translateFormality: "FORMAL",
      translateProfanity: true,
      translateBrevity: true,
      terminologyNames: "newsroom-terms",
      maxInputBytes: 1_000_000,
      logPreviewChars: 10,
    });
    // Act, Assess
    expect(checkedSettings(settings)).toEqual(settings);
    const words = { ...settings, summaryLength: { mode: "words", value: 120 } } as const;
    expect(checkedSettings(words)).toEqual(words);
  });

  it("should refuse edited settings past the input budget, the per-upload cap included", () => {
    // Prepare
    const bytes = INPUT_BUDGET.maxInputBytes;
    const base = { ...pipelineSettings({ targetLanguages: "es" }), maxInputBytes: bytes };
    // Act, Assess
    expect(() => checkedSettings({ ...base, maxInputBytes: bytes + 1 })).toThrow(ConfigError);
    expect(() =>
      checkedSettings({ ...base, maxLanguagesPerUpload: maxLanguagesFor(bytes) + 1 }),
    ).toThrow(/maxLanguagesPerUpload is over/);
  });

  it("should refuse a summary length the functions would refuse", () => {
    const settings = pipelineSettings();
    expect(() =>
      checkedSettings({ ...settings, summaryLength: { mode: "ratio", value: 2 } }),
    ).toThrow(/SUMMARY_LENGTH/);
  });
});

describe("checkedOperations", () => {
  it("should fill absent fields with their defaults and keep the ones given", () => {
    const operations = checkedOperations({ oldestMessageSeconds: 600 });
    expect(operations.oldestMessageSeconds).toBe(600);
    expect(operations.ingestNoncurrentDays).toBe(checkedOperations().ingestNoncurrentDays);
  });
});
