import { describe, expect, it } from "vitest";
import {
  CALLS_BEFORE_FEEDBACK,
  callUntilFeedback,
  warmUpOnFirstUse,
} from "../../../shared/v8/warm-up";

describe("warm-ups", () => {
  it("should make one call more than V8 makes before it keeps feedback", () => {
    // Prepare
    let calls = 0;

    // Act
    callUntilFeedback(() => {
      calls++;
    });

    // Assess
    expect(calls).toBe(CALLS_BEFORE_FEEDBACK + 1);
  });

  it("should run a warm-up on the first use only, even when the warm-up uses what asks for it", () => {
    // Prepare
    let runs = 0;
    const entry = (): void => {
      warmUp();
    };
    const warmUp = warmUpOnFirstUse(() => {
      runs++;
      entry();
    });

    // Act
    entry();
    entry();

    // Assess
    expect(runs).toBe(1);
  });
});
