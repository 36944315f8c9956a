/**
 * The deploy-time cap on languages per upload: a setting like the others (context → environment), held to the
 * same input budget as targetLanguages, since an upload may ask for that many languages of an article as large
 * as maxInputBytes.
 */
import { describe, expect, it } from "vitest";
import { CONTEXT, settingsFromContext } from "../../infra/aws/settings";
import { ConfigError, DEFAULT_MAX_LANGUAGES_PER_UPLOAD } from "../../shared/pipeline/config";
import { INPUT_BUDGET, maxLanguagesFor } from "../../shared/pipeline/resources";
import { DEFAULT_CONTEXT } from "./synth";

/** settingsFromContext on cdk.json's defaults with these context values over them. */
function settings(context: Record<string, unknown>) {
  const all: Record<string, unknown> = { ...DEFAULT_CONTEXT, ...context };
  return settingsFromContext((key) => all[key]);
}

describe("maxLanguagesPerUpload", () => {
  it("should default to what the stages carry at the largest maxInputBytes, so every accepted size holds it", () => {
    // Act
    const defaults = settings({ maxInputBytes: INPUT_BUDGET.maxInputBytes });
    // Assess
    expect(defaults.maxLanguagesPerUpload).toBe(DEFAULT_MAX_LANGUAGES_PER_UPLOAD);
    expect(DEFAULT_MAX_LANGUAGES_PER_UPLOAD).toBe(maxLanguagesFor(INPUT_BUDGET.maxInputBytes));
  });

  it("should read the context key, 0 (no languages per upload) included", () => {
    expect(settings({ [CONTEXT.maxLanguagesPerUpload]: 3 }).maxLanguagesPerUpload).toBe(3);
    expect(settings({ [CONTEXT.maxLanguagesPerUpload]: "0" }).maxLanguagesPerUpload).toBe(0);
  });

  it("should refuse a cap the input budget does not carry at this size, naming maxLanguagesPerUpload", () => {
    // Prepare
    const bytes = INPUT_BUDGET.maxInputBytes;
    const most = maxLanguagesFor(bytes);
    // Act
    const over = () => settings({ maxInputBytes: bytes, maxLanguagesPerUpload: most + 1 });
    // Assess
    expect(over).toThrow(ConfigError);
    expect(over).toThrow(/^maxInputBytes=\d+ × \d+ maxLanguagesPerUpload is over/);
    expect(() => settings({ maxInputBytes: bytes, maxLanguagesPerUpload: most })).not.toThrow();
  });

  it("should refuse a cap that is not a whole number", () => {
    expect(() => settings({ maxLanguagesPerUpload: "many" })).toThrow(/MAX_LANGUAGES_PER_UPLOAD/);
  });
});
