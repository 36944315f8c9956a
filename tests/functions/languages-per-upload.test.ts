/**
 * Languages per upload through the Lambda handlers, the SDK adapters and the queues: the source's
 * x-amz-meta-target-languages reaches normalize through S3's GetObject, and the cap through the environment.
 */
import { describe, expect, it } from "vitest";
import { OUTPUT_FILES } from "../../shared/contract/keys";
import type { ErrorRecord, Manifest } from "../../shared/contract/manifest";
import { ENV } from "../../shared/pipeline/config";
import { TARGET_LANGUAGES_METADATA } from "../../shared/pipeline/upload-languages";
import { type FakeAws, RESULTS } from "./fake-aws";
import {
  completionEvents,
  key,
  SAMPLE,
  SOURCE_KEY,
  validError,
  validManifest,
} from "./pipeline-fixture";
import { createHarness, onFreshPipeline } from "./pipeline-harness";

let aws: FakeAws;

onFreshPipeline((freshAws) => {
  aws = freshAws;
});

describe("an upload naming its own target languages, through the handlers", () => {
  it("should translate into its languages instead of the deployment's es,fr", async () => {
    // Prepare
    const pipeline = createHarness(aws);
    aws.upload(SOURCE_KEY, SAMPLE, { [TARGET_LANGUAGES_METADATA]: "ja" });
    // Act
    await pipeline.drain();
    // Assess
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
    expect(manifest.status).toBe("complete");
    expect(Object.keys(manifest.languages)).toEqual(["ja"]);
    expect(aws.object(RESULTS, key(OUTPUT_FILES.translationJson("ja")))).toBeDefined();
    for (const lang of ["es", "fr"]) {
      expect(aws.object(RESULTS, key(OUTPUT_FILES.translationJson(lang)))).toBeUndefined();
    }
    expect(completionEvents(aws)).toHaveLength(1);
  });

  it("should fail the article when it names more languages than MAX_LANGUAGES_PER_UPLOAD", async () => {
    // Prepare
    const pipeline = createHarness(aws, { [ENV.maxLanguagesPerUpload]: "1" });
    aws.upload(SOURCE_KEY, SAMPLE, { [TARGET_LANGUAGES_METADATA]: "de,ja" });
    // Act
    await pipeline.drain();
    // Assess
    const record = aws.json<ErrorRecord>(RESULTS, key(OUTPUT_FILES.error));
    expect(validError(record)).toBe(true);
    expect(record.errorType).toBe("InvalidTargetLanguagesError");
    expect(record.message).toContain(SOURCE_KEY);
    expect(record.message).toContain('target-languages="de,ja"');
    expect(aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest)).status).toBe("failed");
    expect(completionEvents(aws).map((e) => e.status)).toEqual(["failed"]);
    expect(aws.deadLetters).toEqual({ normalize: [], summarize: [], translate: [] });
  });
});
