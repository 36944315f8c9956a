/**
 * The load check at CI size (npm run bench:load runs the full 1,000): articles dropped at once, each must end
 * with exactly one manifest and one completion event, with nothing dead-lettered.
 */
import { describe, expect, it } from "vitest";
import { runLoad } from "./load";
import { recordFigures } from "./results";

const COUNT = 100;

describe("load: articles dropped at once", () => {
  it(`should give all ${COUNT} articles one manifest and one event each, translated through the mocked Translate`, async () => {
    // Act
    const result = await runLoad({ count: COUNT, translator: "mock" });
    recordFigures("load-ci", result);

    // Assess
    expect(result).toMatchObject({ articles: COUNT, manifests: COUNT, lost: 0, duplicated: 0 });
    expect(result.deadLetters).toBe(0);
    expect(result.billedCharacters).toBeGreaterThan(0);
  }, 120_000);
});
