/**
 * An article whose key is as long as S3 allows (1,024 bytes) and all CJK: every output keeps its user
 * metadata under S3's 2 KB, so every PUT S3 would accept goes through, and the manifest names the full key.
 */
import { describe, expect, it } from "vitest";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import type { Manifest } from "../../../../shared/contract/manifest";
import { S3_MAX_KEY_BYTES, S3_USER_METADATA_MAX_BYTES } from "../../../../shared/limits";
import { parseConfig } from "../../../../shared/pipeline/config";
import type { PutOptions, TranslateJob, Translator } from "../../../../shared/pipeline/ports";
import { metadataBytes } from "../../../../shared/pipeline/provenance";
import { delivery } from "../../../../shared/pipeline/stages/delivery";
import { runNormalizeStage } from "../../../../shared/pipeline/stages/normalize";
import { runSummarizeStage } from "../../../../shared/pipeline/stages/summarize";
import { runTranslateStage } from "../../../../shared/pipeline/stages/translate";
import { MemoryStore } from "../../../support/memory-store";

const INGEST = "ingest";
const RESULTS = "results-bucket";
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Refuses a PUT whose user metadata is over S3's limit, as S3 does (400 MetadataTooLarge). */
class MetadataLimitedStore extends MemoryStore {
  override async put(bucket: string, key: string, body: string | Uint8Array, options?: PutOptions) {
    const bytes = metadataBytes(options?.metadata ?? {});
    if (bytes > S3_USER_METADATA_MAX_BYTES) {
      throw Object.assign(new Error(`${key}: ${bytes} bytes of metadata`), {
        name: "MetadataTooLarge",
      });
    }
    return super.put(bucket, key, body, options);
  }
}

const echo: Translator = {
  engine: "amazon-translate",
  settings: {},
  translateTexts: async ({ texts }) => ({
    texts: texts.map((t) => `[es] ${t}`),
    charactersBilled: texts.join("\n").length,
    requests: 1,
  }),
};

/** "incoming/", CJK characters (3 bytes each) and ASCII to make exactly 1,024 bytes. */
const KEY = (() => {
  const prefix = "incoming/新闻/";
  const name = "港口罢工".repeat(200);
  let key = prefix;
  for (const char of name) {
    if (Buffer.byteLength(key + char, "utf8") + ".txt".length > S3_MAX_KEY_BYTES) break;
    key += char;
  }
  return `${key}${"x".repeat(S3_MAX_KEY_BYTES - Buffer.byteLength(`${key}.txt`, "utf8"))}.txt`;
})();

describe("an article whose key is 1,024 bytes of CJK characters", () => {
  it("should go through every stage with every output's metadata under 2 KB and the full key in the manifest", async () => {
    // Prepare
    const store = new MetadataLimitedStore();
    const { etag } = await store.put(
      INGEST,
      KEY,
      "Harbour strike.\n\nDockworkers walked out on Monday.",
    );
    const jobs: TranslateJob[] = [];
    const events: unknown[] = [];
    const ctx = {
      store,
      events: { publishArticleProcessed: async (detail: unknown) => void events.push(detail) },
      config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "es" }),
      logger: silent,
      now: () => new Date(),
      queue: { send: async (sent: readonly TranslateJob[]) => void jobs.push(...sent) },
      translator: echo,
    };
    const first = delivery(1, 3);
    const id = articleIdFromKey(KEY);

    // Act
    const normalized = await runNormalizeStage(ctx, {
      bucket: INGEST,
      key: KEY,
      etag,
      delivery: first,
    });
    const summarized = await runSummarizeStage(ctx, {
      key: outputKey(id, OUTPUT_FILES.article),
      delivery: first,
    });
    const translated = await Promise.all(
      jobs.map((job) => runTranslateStage(ctx, { job, delivery: delivery(1, 5) })),
    );

    // Assess
    expect(Buffer.byteLength(KEY, "utf8")).toBe(S3_MAX_KEY_BYTES);
    expect([normalized.outcome, summarized.outcome]).toEqual(["written", "written"]);
    expect(translated.map((t) => [t.outcome, t.finalize])).toEqual([["written", "written"]]);
    const manifest = JSON.parse(
      store.text(RESULTS, outputKey(id, OUTPUT_FILES.manifest)) ?? "{}",
    ) as Manifest;
    expect(manifest.status).toBe("complete");
    expect(manifest.source.key).toBe(KEY);
    expect(jobs[0]?.source.key).toBe(KEY);
    expect(events).toHaveLength(1);
  });
});
