/**
 * The S3 console's "Create folder" writes a zero-byte object whose key ends in "/", and S3 announces it like
 * any upload: it is no article, so it gets no error record, no manifest and no event.
 */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../../shared/pipeline/config";
import { delivery } from "../../../../shared/pipeline/stages/delivery";
import { runNormalizeStage } from "../../../../shared/pipeline/stages/normalize";
import { MemoryStore } from "../../../support/memory-store";

const INGEST = "ingest";
const RESULTS = "results-bucket";

/** Keys of the results bucket (every output is written there). */
function resultKeys(store: MemoryStore): string[] {
  return [...store.objects.keys()].filter((id) => id.startsWith(`${RESULTS}/`));
}

function setup() {
  const store = new MemoryStore();
  const events: unknown[] = [];
  const debug: string[] = [];
  const ctx = {
    store,
    events: { publishArticleProcessed: async (detail: unknown) => void events.push(detail) },
    config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "es" }),
    logger: { debug: (m: string) => void debug.push(m), info() {}, warn() {}, error() {} },
    now: () => new Date(),
  };
  return { store, events, debug, ctx };
}

describe("a console folder marker in the ingest bucket", () => {
  it("should be ignored without a manifest, an error record or an event, and logged at debug", async () => {
    // Prepare
    const { store, events, debug, ctx } = setup();
    const key = "incoming/2024/";
    const { etag } = await store.put(INGEST, key, "");
    // Act
    const result = await runNormalizeStage(ctx, {
      bucket: INGEST,
      key,
      etag,
      size: 0,
      delivery: delivery(1, 5),
    });
    // Assess
    expect(result.outcome).toBe("stale");
    expect(resultKeys(store)).toEqual([]);
    expect(events).toEqual([]);
    expect(debug.join("\n")).toContain("folder marker");
  });

  it("should still record a failure for a non-empty object whose key ends in /", async () => {
    // Prepare
    const { store, events, ctx } = setup();
    const key = "incoming/odd/";
    const { etag } = await store.put(INGEST, key, "\u0000\u0001\u0002 not an article");
    // Act
    const result = await runNormalizeStage(ctx, {
      bucket: INGEST,
      key,
      etag,
      size: 22,
      delivery: delivery(1, 5),
    });
    // Assess: whatever the outcome, it is not silently dropped as a folder.
    expect(result.outcome).not.toBe("stale");
    expect(resultKeys(store).length + events.length).toBeGreaterThan(0);
  });
});
