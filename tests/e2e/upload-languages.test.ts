/**
 * Languages per upload through the local stack: an upload's x-amz-meta-target-languages travels through
 * s3rver and the local S3 path to normalize, and replaces the stack's own list (here "fr") for that article.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/stack";
import { chooseTranslator } from "../../infra/local/translators";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import type { ErrorRecord, Manifest } from "../../shared/contract/manifest";
import { ENV } from "../../shared/pipeline/config";
import { TARGET_LANGUAGES_METADATA } from "../../shared/pipeline/upload-languages";
import { readJson, SAMPLE_TXT, schema, upload } from "./helpers";

let stack: LocalStack;
let dataDirectory: string;
/** Why the Spanish test is skipped: Apertium cannot translate into Spanish on this machine. */
let noSpanish: string | undefined;
let sample: Buffer;

beforeAll(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), "e2e-upload-languages-"));
  const spanish = await chooseTranslator({
    targetLanguages: ["es"],
    settings: { profanity: false, brevity: false, terminologyNames: [] },
  });
  noSpanish = spanish.targetLanguages.includes("es")
    ? undefined
    : (spanish.notice ?? "no translator into es");
  stack = await startLocalStack({
    dataDirectory,
    // The stack's own list is not what the uploads below ask for (none without a translator).
    settings: {
      [ENV.targetLanguages]: noSpanish ? "" : "fr",
      [ENV.maxLanguagesPerUpload]: "2",
    },
    ...(spanish.translator ? { translator: spanish.translator } : {}),
    queue: { retryDelayMs: () => 5 },
  });
  sample = await readFile(SAMPLE_TXT);
});

afterAll(async () => {
  await stack?.close();
  if (dataDirectory) await rm(dataDirectory, { recursive: true, force: true });
});

const manifestOf = (key: string) =>
  readJson<Manifest>(stack, outputKey(articleIdFromKey(key), OUTPUT_FILES.manifest));

describe("an upload with x-amz-meta-target-languages on the local stack", () => {
  it("should produce translations/es.json only and a manifest listing only es", async (context) => {
    if (noSpanish) context.skip(`Apertium cannot translate into es here: ${noSpanish}`);
    // Prepare
    const key = "incoming/spanish-only.txt";
    // Act
    const etag = await upload(stack, key, sample, { [TARGET_LANGUAGES_METADATA]: "es" });
    await stack.queues.idle();
    // Assess
    const id = articleIdFromKey(key);
    const manifest = await manifestOf(key);
    expect(manifest).toMatchObject({ status: "complete", source: { key, etag } });
    expect(Object.keys(manifest?.languages ?? {})).toEqual(["es"]);
    expect(schema("manifest")(manifest)).toBe(true);
    const keys = await stack.store.list(stack.buckets.results, `results/${id}/translations/`);
    expect(keys.sort()).toEqual([
      outputKey(id, OUTPUT_FILES.translationJson("es")),
      outputKey(id, OUTPUT_FILES.translationText("es")),
    ]);
  });

  it("should fail an article whose metadata names an unknown code, with its error record and a failed manifest", async () => {
    // Prepare
    const key = "incoming/klingon.txt";
    // Act
    const etag = await upload(stack, key, sample, { [TARGET_LANGUAGES_METADATA]: "es,tlh" });
    await stack.queues.idle();
    // Assess
    const id = articleIdFromKey(key);
    const manifest = await manifestOf(key);
    expect(manifest).toMatchObject({ status: "failed", source: { key, etag } });
    const record = await readJson<ErrorRecord>(stack, outputKey(id, OUTPUT_FILES.error));
    expect(schema("error-record")(record)).toBe(true);
    expect(record).toMatchObject({ stage: "normalize", errorType: "InvalidTargetLanguagesError" });
    expect(record?.message).toContain(key);
    expect(record?.message).toContain('target-languages="es,tlh"');
    const produced = await stack.store.list(stack.buckets.results, `results/${id}/`);
    expect(produced.sort()).toEqual([
      outputKey(id, OUTPUT_FILES.error),
      outputKey(id, OUTPUT_FILES.manifest),
    ]);
  });
});
