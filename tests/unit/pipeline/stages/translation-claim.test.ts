import { describe, expect, it } from "vitest";
import { outputKey } from "../../../../shared/contract/keys";
import { articleOutputs } from "../../../../shared/pipeline/stages/article-outputs";
import {
  CLAIM_STALE_AFTER_MS,
  claimTranslation,
  TranslationClaimedError,
  translationClaimFile,
} from "../../../../shared/pipeline/stages/translation-claim";
import { MemoryStore } from "../../../support/memory-store";

const silent = { debug() {}, info() {}, warn() {}, error() {} };

const BUCKET = "results-bucket";
const ID = "story-txt-12345678";
const KEY = outputKey(ID, translationClaimFile("es"));
const T0 = new Date("2026-01-01T00:00:00Z");

/** One delivery's view of the Spanish job of this article version, at `now`. */
function claim(store: MemoryStore, etag = "v1", now = T0) {
  const clock = () => now;
  const outputs = articleOutputs({ store, bucket: BUCKET, now: clock, logger: silent }, ID, {
    bucket: "ingest",
    key: "incoming/story.txt",
    etag,
  });
  return claimTranslation(outputs, "es", clock);
}

function claimOf(store: MemoryStore): { sourceEtag: string; claimedAt: string; status: string } {
  return JSON.parse(store.text(BUCKET, KEY) ?? "{}");
}

describe("claimTranslation", () => {
  it("should create the claim under results/ with the source etag and the time", async () => {
    // Prepare
    const store = new MemoryStore();

    // Act
    await claim(store, '"v1"');

    // Assess
    expect(KEY.startsWith("results/")).toBe(true);
    expect(claimOf(store)).toMatchObject({ sourceEtag: "v1", claimedAt: T0.toISOString() });
  });

  it("should refuse a second delivery with a retryable typed error while the claim is fresh", async () => {
    // Prepare
    const store = new MemoryStore();
    await claim(store);

    // Act
    const second = claim(store, "v1", new Date(T0.getTime() + 60_000));

    // Assess
    await expect(second).rejects.toBeInstanceOf(TranslationClaimedError);
    await expect(second).rejects.toMatchObject({ retryable: true });
    await expect(second).rejects.toThrow(KEY);
  });

  it("should let a delivery take over a claim older than the translate queue's visibility timeout", async () => {
    // Prepare
    const store = new MemoryStore();
    await claim(store);
    const later = new Date(T0.getTime() + CLAIM_STALE_AFTER_MS);

    // Act
    await claim(store, "v1", later);

    // Assess
    expect(claimOf(store).claimedAt).toBe(later.toISOString());
  });

  it("should replace the claim of an older source version at once", async () => {
    // Prepare
    const store = new MemoryStore();
    await claim(store, "v1");

    // Act
    await claim(store, "v2");

    // Assess
    expect(claimOf(store).sourceEtag).toBe("v2");
  });

  it("should let the next delivery in at once after the holder released its claim", async () => {
    // Prepare
    const store = new MemoryStore();
    const held = await claim(store);

    // Act
    await held.release();
    await claim(store);

    // Assess
    expect(claimOf(store).claimedAt).toBe(T0.toISOString());
  });

  it("should record a release as the claim's status, not as a date", async () => {
    // Prepare
    const store = new MemoryStore();
    const held = await claim(store);
    const heldStatus = claimOf(store).status;

    // Act
    await held.release();

    // Assess
    expect(heldStatus).toBe("held");
    expect(claimOf(store)).toMatchObject({ status: "released", claimedAt: T0.toISOString() });
  });

  it("should not release a claim another delivery took over after it went stale", async () => {
    // Prepare
    const store = new MemoryStore();
    const first = await claim(store);
    const later = new Date(T0.getTime() + CLAIM_STALE_AFTER_MS);
    await claim(store, "v1", later);

    // Act
    await first.release();

    // Assess
    expect(claimOf(store)).toMatchObject({ status: "held", claimedAt: later.toISOString() });
  });

  it("should give a stale claim to exactly one of two deliveries taking it over together", async () => {
    // Prepare
    const store = new MemoryStore();
    await claim(store);
    const later = new Date(T0.getTime() + CLAIM_STALE_AFTER_MS + 1);

    // Act
    const results = await Promise.allSettled([
      claim(store, "v1", later),
      claim(store, "v1", later),
    ]);

    // Assess
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});
