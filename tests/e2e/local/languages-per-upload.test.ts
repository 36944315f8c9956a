/**
 * Local mode's side of languages per upload: `--to` stays the local stack's own list, an upload may replace it
 * whenever there is a translator, and `--translator none` takes no languages per upload.
 */
import { describe, expect, it } from "vitest";
import { commonOptions, pipelineSettings } from "../../../infra/local/cli/options";
import { chooseTranslator } from "../../../infra/local/translators";
import { parseConfig } from "../../../shared/pipeline/config";

const SETTINGS = { profanity: false, brevity: false, terminologyNames: [] };

/** The pipeline config a local run with these flags starts with. */
async function configFor(values: Record<string, string>) {
  const options = commonOptions(values);
  const translation = await chooseTranslator({
    targetLanguages: options.targetLanguages,
    targetsGiven: options.targetsGiven,
    ...(options.translator ? { requested: options.translator } : {}),
    settings: SETTINGS,
  });
  return {
    translation,
    config: parseConfig({ ...pipelineSettings(options, translation), RESULTS_BUCKET: "results" }),
  };
}

describe("local mode's languages per upload", () => {
  it("should take no languages per upload with --translator none", async () => {
    // Act
    const { translation, config } = await configFor({ translator: "none" });
    // Assess
    expect(translation.translator).toBeUndefined();
    expect(config.targetLanguages).toEqual([]);
    expect(config.maxLanguagesPerUpload).toBe(0);
  });

  it("should keep --to as the stack's own list, which an upload may replace", async () => {
    // Act
    const { config } = await configFor({ to: "es,gl", translator: "apertium" });
    // Assess
    expect(config.targetLanguages).toEqual(["es", "gl"]);
    expect(config.maxLanguagesPerUpload).toBeGreaterThan(0);
  });

  it("should keep a translator for uploads naming their languages when the default wish cannot be met", async () => {
    // Prepare: no Apertium pair translates into Japanese, so this default is never met.
    const options = commonOptions({});
    // Act
    const translation = await chooseTranslator({
      targetLanguages: ["ja"],
      targetsGiven: false,
      settings: SETTINGS,
    });
    // Assess
    expect(translation.choice).toBe("none");
    expect(translation.targetLanguages).toEqual([]);
    expect(translation.translator).toBeDefined();
    expect(
      parseConfig({ ...pipelineSettings(options, translation), RESULTS_BUCKET: "r" }),
    ).toMatchObject({
      targetLanguages: [],
      maxLanguagesPerUpload: expect.any(Number),
    });
  });
});
