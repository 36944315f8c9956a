/**
 * Local mode's S3 (s3rver behind the stack's store) under the write pattern duplicates cause: several PUTs
 * of one key at once, with different metadata (every output records when its stage started). s3rver writes
 * an object's metadata file in place (fs.writeFile, not atomically), so interleaved writes can leave it
 * half one writer's, half another's: invalid JSON, and from then on every HEAD and GET of the key answers
 * 500 InternalError. Seen in tests/e2e/pipeline.test.ts ("dropped twice") under full-suite load: the
 * language's job dead-letters and the article never completes. The local store now serializes PUTs per key.
 */
import { describe, expect, it } from "vitest";
import { startReliabilityStack } from "./harness/stack";

const KEYS = 40;
const WRITERS = 6;

describe("local S3: concurrent writes of one key", () => {
  it("should leave every object readable when several writers PUT one key at once", async () => {
    // Prepare
    const reliability = await startReliabilityStack();
    const { stack } = reliability;
    const bucket = stack.buckets.results;
    const body = "b".repeat(100_000);
    try {
      // Act
      await Promise.all(
        Array.from({ length: KEYS }, (_, i) =>
          Promise.all(
            Array.from({ length: WRITERS }, (_, w) =>
              stack.store.put(bucket, `results/race/${i}/out.json`, body, {
                metadata: { "started-at": String(w).repeat(10 + w * 150) },
              }),
            ),
          ),
        ),
      );
      const unreadable: string[] = [];
      for (let i = 0; i < KEYS; i++) {
        const key = `results/race/${i}/out.json`;
        await stack.store.head(bucket, key).catch(() => unreadable.push(key));
      }

      // Assess
      expect(unreadable).toEqual([]);
    } finally {
      await reliability.dispose();
    }
  }, 60_000);
});
