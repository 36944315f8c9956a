import { describe, expect, it } from "vitest";
import { outputKey } from "../../../../shared/contract/keys";
import {
  CLAIM_STALE_AFTER_MS,
  claimTranslation,
  TranslationClaimedError,
  translationClaimFile,
} from "../../../../shared/pipeline/stages/translation-claim";
import { MemoryStore } from "./memory-store";

const BUCKET = "results-bucket";
const ID = "story-txt-12345678";
const KEY = outputKey(ID, translationClaimFile("es"));
const T0 = new Date("2026-01-01T00:00:00Z");

function scope(store: MemoryStore, etag = "v1", now = T0) {
  return {
    store,
    bucket: BUCKET,
    articleId: ID,
    language: "es",
    source: { bucket: "ingest", key: "incoming/story.txt", etag },
    now: () => now,
  };
}

function claimOf(store: MemoryStore): { sourceEtag: string; claimedAt: string } {
  return JSON.parse(store.text(BUCKET, KEY) ?? "{}");
}

describe("claimTranslation", () => {
  it("should create the claim under results/ with the source etag and the time", async () => {
    // Prepare
    const store = new MemoryStore();

    // Act
    await claimTranslation(scope(store, '"v1"'));

    // Assess
    expect(KEY.startsWith("results/")).toBe(true);
    expect(claimOf(store)).toMatchObject({ sourceEtag: "v1", claimedAt: T0.toISOString() });
  });

  it("should refuse a second delivery with a retryable typed error while the claim is fresh", async () => {
    // Prepare
    const store = new MemoryStore();
    await claimTranslation(scope(store));

    // Act
    const second = claimTranslation(scope(store, "v1", new Date(T0.getTime() + 60_000)));

    // Assess
    await expect(second).rejects.toBeInstanceOf(TranslationClaimedError);
    await expect(second).rejects.toMatchObject({ retryable: true });
    await expect(second).rejects.toThrow(KEY);
  });

  it("should let a delivery take over a claim older than the translate queue's visibility timeout", async () => {
    // Prepare
    const store = new MemoryStore();
    await claimTranslation(scope(store));
    const later = new Date(T0.getTime() + CLAIM_STALE_AFTER_MS);

    // Act
    await claimTranslation(scope(store, "v1", later));

    // Assess
    expect(claimOf(store).claimedAt).toBe(later.toISOString());
  });

  it("should replace the claim of an older source version at once", async () => {
    // Prepare
    const store = new MemoryStore();
    await claimTranslation(scope(store, "v1"));

    // Act
    await claimTranslation(scope(store, "v2"));

    // Assess
    expect(claimOf(store).sourceEtag).toBe("v2");
  });

  it("should let the next delivery in at once after the holder released its claim", async () => {
    // Prepare
    const store = new MemoryStore();
    const held = await claimTranslation(scope(store));

    // Act
    await held.release();
    await claimTranslation(scope(store));

    // Assess
    expect(claimOf(store).claimedAt).toBe(T0.toISOString());
  });

  it("should give a stale claim to exactly one of two deliveries taking it over together", async () => {
    // Prepare
    const store = new MemoryStore();
    await claimTranslation(scope(store));
    const later = new Date(T0.getTime() + CLAIM_STALE_AFTER_MS + 1);

    // Act
    const results = await Promise.allSettled([
      claimTranslation(scope(store, "v1", later)),
      claimTranslation(scope(store, "v1", later)),
    ]);

    // Assess
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});
