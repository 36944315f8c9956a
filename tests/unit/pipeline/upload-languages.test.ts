import { describe, expect, it } from "vitest";
import {
  articleTargetLanguages,
  InvalidTargetLanguagesError,
  recordedTargetLanguages,
  requestedTargetLanguages,
  TARGET_LANGUAGES_METADATA,
  targetLanguagesMetadata,
} from "../../../shared/pipeline/upload-languages";

const FILE = "incoming/story.txt";
const DEPLOYMENT = { targetLanguages: ["es", "fr"], maxLanguagesPerUpload: 3 };

/** The error requestedTargetLanguages throws for this value, or a failure when it throws none. */
function refusal(value: string, max = 3): InvalidTargetLanguagesError {
  try {
    requestedTargetLanguages(value, max, FILE);
  } catch (error) {
    if (error instanceof InvalidTargetLanguagesError) return error;
    throw error;
  }
  throw new Error(`"${value}" was accepted`);
}

describe("requestedTargetLanguages", () => {
  it("should read the codes as aws s3 cp --metadata sends them, canonical, deduplicated, in order", () => {
    // Act
    const codes = requestedTargetLanguages(" DE, ja ,de,pt-br,zh-hant ", 5, FILE);
    // Assess
    expect(codes).toEqual(["de", "ja", "pt", "zh-TW"]);
  });

  it("should ask for nothing when the upload has no target-languages metadata", () => {
    expect(requestedTargetLanguages(undefined, 3, FILE)).toBeUndefined();
  });

  it("should skip empty items between commas", () => {
    expect(requestedTargetLanguages("de,,ja,", 3, FILE)).toEqual(["de", "ja"]);
  });

  it.each(["", "  ", ",", " , "])("should refuse the empty value %j, naming the file", (value) => {
    // Act
    const error = refusal(value);
    // Assess
    expect(error.name).toBe("InvalidTargetLanguagesError");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      /^incoming\/story\.txt: object metadata target-languages=".*" is empty/,
    );
  });

  it("should refuse a code the pipeline does not translate into, naming the file, the value and the code", () => {
    // Act
    const error = refusal("de,xx,klingon");
    // Assess
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('target-languages="de,xx,klingon"');
    expect(error.message).toContain(
      '"xx", "klingon" are not languages the pipeline translates into',
    );
  });

  it("should refuse more languages than the deployment's cap, naming the cap's setting", () => {
    // Act
    const error = refusal("de,ja,ko,it", 3);
    // Assess
    expect(error.message).toContain('target-languages="de,ja,ko,it" names 4 languages');
    expect(error.message).toContain("at most 3 per upload (maxLanguagesPerUpload)");
  });

  it("should count languages after deduplication against the cap", () => {
    expect(requestedTargetLanguages("de,DE,de,ja", 2, FILE)).toEqual(["de", "ja"]);
  });

  it("should refuse any language when the cap is 0", () => {
    expect(refusal("de", 0).message).toContain("takes no languages per upload");
  });
});

describe("articleTargetLanguages", () => {
  it("should use the upload's languages when its metadata names some", () => {
    // Act
    const languages = articleTargetLanguages(
      { [TARGET_LANGUAGES_METADATA]: "ja" },
      DEPLOYMENT,
      FILE,
    );
    // Assess
    expect(languages).toEqual(["ja"]);
  });

  it("should use the deployment's languages when the upload names none", () => {
    expect(articleTargetLanguages({ language: "en" }, DEPLOYMENT, FILE)).toEqual(["es", "fr"]);
  });
});

describe("the record on article.json", () => {
  it("should read back the languages it records", () => {
    // Act
    const metadata = targetLanguagesMetadata(["de", "zh-TW"]);
    // Assess
    expect(metadata).toEqual({ [TARGET_LANGUAGES_METADATA]: "de,zh-TW" });
    expect(recordedTargetLanguages(metadata)).toEqual(["de", "zh-TW"]);
  });

  it("should record nothing for no languages, which reads as no record", () => {
    // Act
    const metadata = targetLanguagesMetadata([]);
    // Assess
    expect(metadata).toEqual({});
    expect(recordedTargetLanguages(metadata)).toBeUndefined();
    expect(recordedTargetLanguages(undefined)).toBeUndefined();
  });
});
