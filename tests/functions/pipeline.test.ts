import { describe, expect, it, vi } from "vitest";
import { OUTPUT_FILES } from "../../shared/contract/keys";
import type { Manifest } from "../../shared/contract/manifest";
import type { ArticleSummary } from "../../shared/contract/summary";
import type { ArticleTranslation } from "../../shared/contract/translation";
import { type FakeAws, INGEST, RESULTS } from "./fake-aws";
import {
  billed,
  completionEvents,
  ID,
  key,
  SAMPLE,
  SOURCE_KEY,
  schema,
  validManifest,
} from "./pipeline-fixture";
import { createHarness, type Harness, onFreshPipeline } from "./pipeline-harness";

let aws: FakeAws;
let pipeline: Harness;

onFreshPipeline((freshAws, freshPipeline) => {
  aws = freshAws;
  pipeline = freshPipeline;
});

describe("the sample article through every stage", () => {
  it("should write every output, a complete manifest once, and one completion event", async () => {
    // Prepare
    const etag = aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess: outputs
    for (const file of [
      OUTPUT_FILES.article,
      OUTPUT_FILES.summary,
      OUTPUT_FILES.summaryText,
      OUTPUT_FILES.report,
      OUTPUT_FILES.translationJson("es"),
      OUTPUT_FILES.translationText("es"),
      OUTPUT_FILES.translationJson("fr"),
      OUTPUT_FILES.translationText("fr"),
    ]) {
      expect(aws.object(RESULTS, key(file)), file).toBeDefined();
    }
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
    expect(manifest).toMatchObject({
      status: "complete",
      source: { bucket: INGEST, key: SOURCE_KEY, etag },
      languages: { es: { status: "succeeded" }, fr: { status: "succeeded" } },
      outputs: { report: key(OUTPUT_FILES.report) },
    });
    expect(Object.keys(manifest.timings.stages).sort()).toEqual([
      "normalize",
      "summarize",
      "translate.es",
      "translate.fr",
    ]);
    // Every JSON output matches its contract schema.
    const validArticle = schema("article.schema.json");
    const validSummary = schema("summary.schema.json");
    const validTranslation = schema("translation.schema.json");
    expect(validArticle(aws.json(RESULTS, key(OUTPUT_FILES.article)))).toBe(true);
    expect(validSummary(aws.json(RESULTS, key(OUTPUT_FILES.summary)))).toBe(true);
    for (const lang of ["es", "fr"]) {
      const translation = aws.json(RESULTS, key(OUTPUT_FILES.translationJson(lang)));
      expect(validTranslation(translation), JSON.stringify(validTranslation.errors)).toBe(true);
    }
    // The summary and its translation line up sentence by sentence.
    const summary = aws.json<ArticleSummary>(RESULTS, key(OUTPUT_FILES.summary));
    const es = aws.json<ArticleTranslation>(RESULTS, key(OUTPUT_FILES.translationJson("es")));
    expect(summary.sentences.length).toBe(3);
    expect(es.summary.sentenceIds).toEqual(summary.sentences.map((s) => s.id));
    expect(es.summary.text.split("\n").every((line) => line.startsWith("[es] "))).toBe(true);
    expect(
      es.charactersBilled +
        aws.json<ArticleTranslation>(RESULTS, key(OUTPUT_FILES.translationJson("fr")))
          .charactersBilled,
    ).toBe(billed(aws));
    // One event, pointing at the manifest; no message left anywhere.
    expect(completionEvents(aws)).toEqual([
      expect.objectContaining({
        articleId: ID,
        status: "complete",
        manifest: { bucket: RESULTS, key: key(OUTPUT_FILES.manifest) },
      }),
    ]);
    expect(aws.deadLetters).toEqual({ normalize: [], summarize: [], translate: [] });
    // The source is untouched and nothing was written to the ingest bucket.
    expect(aws.object(INGEST, SOURCE_KEY)?.etag).toBe(etag);
    expect(aws.puts.filter((p) => p.startsWith(`${INGEST}/`))).toEqual([`${INGEST}/${SOURCE_KEY}`]);
  });

  it("should finalize from summarize when no target language is configured", async () => {
    // Prepare
    pipeline = createHarness(aws, { TARGET_LANGUAGES: "" });
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess
    const manifest = aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest));
    expect(manifest).toMatchObject({
      status: "complete",
      languages: {},
      outputs: { translations: {} },
    });
    expect(aws.translateCalls).toEqual([]);
    expect(completionEvents(aws)).toHaveLength(1);
  });
});

describe("observability", () => {
  it("should count articles per stage and the characters sent to Amazon Translate", async () => {
    // Prepare
    const addMetric = vi.spyOn(pipeline.metrics, "addMetric");
    aws.upload(SOURCE_KEY, SAMPLE);
    // Act
    await pipeline.drain();
    // Assess
    const total = (name: string) =>
      addMetric.mock.calls.filter(([n]) => n === name).reduce((sum, [, , v]) => sum + v, 0);
    expect(total("CharactersTranslated")).toBe(billed(aws));
    expect(total("CharactersTranslated")).toBeGreaterThan(1000);
    expect(total("Articles")).toBe(4);
    expect(addMetric.mock.calls.filter(([n]) => n === "StageDuration")).toHaveLength(4);
  });
});
