/**
 * Languages per upload through the stages: the source's target-languages metadata replaces the deployment's
 * list for that article in normalize's decision, summarize's jobs, the manifest and the dead-letter path; a bad
 * value fails the article with one error record, one failed manifest and one event.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import type {
  ArticleProcessedDetail,
  ErrorRecord,
  Manifest,
} from "../../../../shared/contract/manifest";
import { S3_MAX_KEY_BYTES, S3_USER_METADATA_MAX_BYTES } from "../../../../shared/limits";
import { parseConfig } from "../../../../shared/pipeline/config";
import type { TranslateJob, Translator } from "../../../../shared/pipeline/ports";
import { metadataBytes } from "../../../../shared/pipeline/provenance";
import type { StageContext } from "../../../../shared/pipeline/stages/context";
import { runDeadLetterStage } from "../../../../shared/pipeline/stages/dead-letter";
import { delivery } from "../../../../shared/pipeline/stages/delivery";
import { runNormalizeStage } from "../../../../shared/pipeline/stages/normalize";
import { runSummarizeStage } from "../../../../shared/pipeline/stages/summarize";
import { runTranslateStage } from "../../../../shared/pipeline/stages/translate";
import { TARGET_LANGUAGES_METADATA } from "../../../../shared/pipeline/upload-languages";
import { AMAZON_TRANSLATE_LANGUAGES } from "../../../../shared/translate/supported-languages";
import { MemoryStore } from "../../../support/memory-store";

const INGEST = "ingest";
const RESULTS = "results-bucket";
const KEY = "incoming/harbour-strike.txt";
const ID = articleIdFromKey(KEY);
const SAMPLE = readFileSync(
  join(import.meta.dirname, "../../../fixtures/samples/harbour-strike.txt"),
);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Prefixes each sentence with its target language, so a test sees which language it was asked for. */
const tagging: Translator = {
  engine: "amazon-translate",
  settings: {},
  translateTexts: async ({ texts, targetLanguage }) => ({
    texts: texts.map((t) => `[${targetLanguage}] ${t}`),
    charactersBilled: texts.join("\n").length,
    requests: 1,
  }),
};

/** A pipeline on an in-memory store whose deployment translates into `deployment`. */
function pipeline(deployment: string, env: Record<string, string> = {}) {
  const store = new MemoryStore();
  const jobs: TranslateJob[] = [];
  const events: ArticleProcessedDetail[] = [];
  const ctx = {
    store,
    events: { publishArticleProcessed: async (d: ArticleProcessedDetail) => void events.push(d) },
    config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: deployment, ...env }),
    logger: silent,
    now: () => new Date(),
    queue: { send: async (sent: readonly TranslateJob[]) => void jobs.push(...sent) },
    translator: tagging,
  };
  const upload = (metadata: Record<string, string>, key = KEY) =>
    store.put(INGEST, key, SAMPLE, { metadata });
  const normalize = (etag: string, key = KEY) =>
    runNormalizeStage(ctx, { bucket: INGEST, key, etag, delivery: delivery(1, 5) });
  const summarize = (context: typeof ctx = ctx, id = ID) =>
    runSummarizeStage(context, {
      key: outputKey(id, OUTPUT_FILES.article),
      delivery: delivery(1, 5),
    });
  const translateAll = () =>
    Promise.all(jobs.map((job) => runTranslateStage(ctx, { job, delivery: delivery(1, 5) })));
  const json = <T>(file: string, id = ID) =>
    JSON.parse(store.text(RESULTS, outputKey(id, file)) ?? "null") as T;
  return { store, jobs, events, ctx, upload, normalize, summarize, translateAll, json };
}

describe("an upload with target-languages metadata", () => {
  it("should translate into its languages only, in every job, and list only those in the manifest", async () => {
    // Prepare
    const p = pipeline("es,fr");
    const { etag } = await p.upload({ [TARGET_LANGUAGES_METADATA]: "de,ja" });
    // Act
    await p.normalize(etag);
    const summarized = await p.summarize();
    await p.translateAll();
    // Assess
    expect(summarized.jobsSent).toEqual(["de", "ja"]);
    expect(p.jobs.map((j) => [j.targetLanguage, j.targetLanguages])).toEqual([
      ["de", ["de", "ja"]],
      ["ja", ["de", "ja"]],
    ]);
    const manifest = p.json<Manifest>(OUTPUT_FILES.manifest);
    expect(manifest.status).toBe("complete");
    expect(Object.keys(manifest.languages)).toEqual(["de", "ja"]);
    expect(Object.keys(manifest.outputs.translations)).toEqual(["de", "ja"]);
    expect(
      p.store.text(RESULTS, outputKey(ID, OUTPUT_FILES.translationJson("es"))),
    ).toBeUndefined();
    expect(p.events).toHaveLength(1);
  });

  it("should record the article's languages on article.json's metadata, the deployment's when it names none", async () => {
    // Prepare
    const p = pipeline("es,fr");
    const chosen = await p.upload({ [TARGET_LANGUAGES_METADATA]: "pt-br" }, "incoming/a.txt");
    const plain = await p.upload({}, "incoming/b.txt");
    // Act
    await p.normalize(chosen.etag, "incoming/a.txt");
    await p.normalize(plain.etag, "incoming/b.txt");
    // Assess
    const recorded = (key: string) =>
      p.store.s3.object(RESULTS, outputKey(articleIdFromKey(key), OUTPUT_FILES.article))?.metadata[
        TARGET_LANGUAGES_METADATA
      ];
    expect(recorded("incoming/a.txt")).toBe("pt");
    expect(recorded("incoming/b.txt")).toBe("es,fr");
  });

  it("should keep the languages normalize decided when the deployment's list changes before summarize", async () => {
    // Prepare
    const p = pipeline("es,fr");
    const { etag } = await p.upload({});
    await p.normalize(etag);
    const redeployed = {
      ...p.ctx,
      config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "it" }),
    };
    // Act
    const summarized = await p.summarize(redeployed);
    // Assess
    expect(summarized.jobsSent).toEqual(["es", "fr"]);
  });

  it("should fall back to the deployment's list for an article.json that records none", async () => {
    // Prepare: an article normalized with no target languages, then a deployment that has some.
    const p = pipeline("");
    const { etag } = await p.upload({});
    await p.normalize(etag);
    const redeployed = {
      ...p.ctx,
      config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "it" }),
    };
    // Act
    const summarized = await p.summarize(redeployed);
    // Assess
    expect(summarized.jobsSent).toEqual(["it"]);
  });

  it("should list only the upload's languages in a manifest the dead-letter consumer writes", async () => {
    // Prepare: summarize sent the upload's one job; every delivery of it died.
    const p = pipeline("es,fr");
    const { etag } = await p.upload({ [TARGET_LANGUAGES_METADATA]: "de" });
    await p.normalize(etag);
    await p.summarize();
    const [job] = p.jobs;
    if (!job) throw new Error("no job sent");
    const ctx: StageContext = p.ctx;
    // Act
    const dead = await runDeadLetterStage(ctx, {
      message: { stage: "translate", job },
      deliveries: 5,
    });
    // Assess
    expect(dead.manifest).toBe("partial");
    const manifest = p.json<Manifest>(OUTPUT_FILES.manifest);
    expect(Object.keys(manifest.languages)).toEqual(["de"]);
    expect(manifest.languages.de?.error?.type).toBe("DeliveriesExhaustedError");
  });

  it("should keep an article's languages when the same bytes are uploaded again with another value", async () => {
    // Prepare: the etag is the content's, so the second upload is the same version.
    const p = pipeline("es");
    const first = await p.upload({ [TARGET_LANGUAGES_METADATA]: "de" });
    await p.normalize(first.etag);
    const again = await p.upload({ [TARGET_LANGUAGES_METADATA]: "ja" });
    // Act
    const normalized = await p.normalize(again.etag);
    // Assess
    expect(again.etag).toBe(first.etag);
    expect(normalized.outcome).toBe("skipped");
    const article = p.store.s3.object(RESULTS, outputKey(ID, OUTPUT_FILES.article));
    expect(article?.metadata[TARGET_LANGUAGES_METADATA]).toBe("de");
  });

  it("should keep article.json's metadata under S3's 2 KB with the longest key and every language", async () => {
    // Prepare: a 1,024-byte key of CJK characters (its provenance is the largest) and every target language.
    const key = `incoming/${"港".repeat(Math.floor((S3_MAX_KEY_BYTES - 13) / 3))}.txt`;
    const p = pipeline("es", {
      MAX_LANGUAGES_PER_UPLOAD: String(AMAZON_TRANSLATE_LANGUAGES.length),
    });
    const { etag } = await p.upload(
      { [TARGET_LANGUAGES_METADATA]: AMAZON_TRANSLATE_LANGUAGES.join(",") },
      key,
    );
    // Act
    const normalized = await p.normalize(etag, key);
    // Assess
    expect(normalized.outcome).toBe("written");
    const stored = p.store.s3.object(
      RESULTS,
      outputKey(articleIdFromKey(key), OUTPUT_FILES.article),
    );
    expect(metadataBytes(stored?.metadata ?? {})).toBeLessThanOrEqual(S3_USER_METADATA_MAX_BYTES);
  });
});

describe("an upload with an invalid target-languages value", () => {
  it.each([
    ["an unknown code", "de,xx", /"xx" is not a language the pipeline translates into/],
    [
      "too many languages",
      "de,ja,ko",
      /names 3 languages; this deployment takes at most 2 per upload/,
    ],
    ["an empty value", " ", /is empty/],
  ])(
    "should fail the article for %s with one error record naming the file and the value, one failed manifest and one event",
    async (_case, value, problem) => {
      // Prepare
      const p = pipeline("es", { MAX_LANGUAGES_PER_UPLOAD: "2" });
      const { etag } = await p.upload({ [TARGET_LANGUAGES_METADATA]: value });
      // Act
      const normalized = await p.normalize(etag);
      // Assess
      expect(normalized.outcome).toBe("failed");
      const record = p.json<ErrorRecord>(OUTPUT_FILES.error);
      expect(record.stage).toBe("normalize");
      expect(record.errorType).toBe("InvalidTargetLanguagesError");
      expect(record.message).toContain(KEY);
      expect(record.message).toContain(`target-languages="${value}"`);
      expect(record.message).toMatch(problem);
      const manifest = p.json<Manifest>(OUTPUT_FILES.manifest);
      expect(manifest.status).toBe("failed");
      expect(manifest.outputs.error).toBe(outputKey(ID, OUTPUT_FILES.error));
      expect(p.store.text(RESULTS, outputKey(ID, OUTPUT_FILES.article))).toBeUndefined();
      expect(p.events.map((e) => e.status)).toEqual(["failed"]);
    },
  );
});
