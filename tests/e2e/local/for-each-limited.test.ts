import { describe, expect, it } from "vitest";
import { forEachLimited } from "../../../infra/local/run";

describe("forEachLimited", () => {
  it("should visit every item once with never more than `limit` in flight", async () => {
    // Prepare
    const items = Array.from({ length: 12 }, (_, i) => i);
    const visited: number[] = [];
    let inFlight = 0;
    let most = 0;

    // Act
    await forEachLimited(items, 3, async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      visited.push(item);
      inFlight -= 1;
    });

    // Assess
    expect(visited.sort((a, b) => a - b)).toEqual(items);
    expect(most).toBe(3);
  });
});
