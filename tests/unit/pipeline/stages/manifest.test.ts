/** The manifest's calls are explicit: re-announcing writes nothing, and only a failure writes "failed". */
import { describe, expect, it } from "vitest";
import { OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import type { ArticleProcessedDetail, Manifest } from "../../../../shared/contract/manifest";
import { parseConfig } from "../../../../shared/pipeline/config";
import { recordArticleFailure } from "../../../../shared/pipeline/stages/article-failure";
import { outputsOf } from "../../../../shared/pipeline/stages/article-outputs";
import { announceAgain } from "../../../../shared/pipeline/stages/manifest";
import { MemoryStore } from "../../../support/memory-store";

const RESULTS = "results-bucket";
const ID = "story-txt-12345678";
const SOURCE = { bucket: "ingest", key: "incoming/story.txt", etag: "v1" };
const MANIFEST = outputKey(ID, OUTPUT_FILES.manifest);

function context(store: MemoryStore, events: ArticleProcessedDetail[]) {
  return {
    store,
    events: { publishArticleProcessed: async (d: ArticleProcessedDetail) => void events.push(d) },
    config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "" }),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    now: () => new Date("2026-01-01T00:00:00Z"),
  };
}

describe("announceAgain", () => {
  it("should write nothing and announce nothing when this version has no manifest", async () => {
    // Prepare
    const store = new MemoryStore();
    const events: ArticleProcessedDetail[] = [];
    const ctx = context(store, events);

    // Act
    const announced = await announceAgain(ctx, outputsOf(ctx, ID, SOURCE));

    // Assess
    expect(announced).toBe(false);
    expect(store.puts).toEqual([]);
    expect(events).toEqual([]);
  });

  it("should publish the failed manifest again without rewriting it", async () => {
    // Prepare
    const store = new MemoryStore();
    const events: ArticleProcessedDetail[] = [];
    const ctx = context(store, events);
    await recordArticleFailure(ctx, {
      stage: "normalize",
      articleId: ID,
      source: SOURCE,
      error: new Error("bad input"),
      startedAt: ctx.now(),
    });
    const writes = store.puts.length;

    // Act
    const announced = await announceAgain(ctx, outputsOf(ctx, ID, SOURCE));

    // Assess
    const manifest = JSON.parse(store.text(RESULTS, MANIFEST) ?? "{}") as Manifest;
    expect(announced).toBe(true);
    expect(store.puts).toHaveLength(writes);
    expect(manifest.status).toBe("failed");
    expect(events.map((e) => e.status)).toEqual(["failed", "failed"]);
  });
});
