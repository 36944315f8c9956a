import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRANSLATE_CONCURRENCY } from "../../../shared/limits";
import {
  STAGE_RESOURCES,
  TRANSLATE_TEXT_CALLS_IN_FLIGHT,
} from "../../../shared/pipeline/resources";

describe("TranslateText calls in flight", () => {
  it("should be the translate stage's concurrency times the adapter's requests in flight", () => {
    // Assess
    expect(TRANSLATE_TEXT_CALLS_IN_FLIGHT).toBe(
      STAGE_RESOURCES.translate.maxConcurrency * DEFAULT_TRANSLATE_CONCURRENCY,
    );
  });

  it("should be stated in the README with the figures it is made of", () => {
    // Prepare
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    // Assess
    expect(readme).toContain(
      `at most ${STAGE_RESOURCES.translate.maxConcurrency} translate invocations × ${DEFAULT_TRANSLATE_CONCURRENCY} requests each = **${TRANSLATE_TEXT_CALLS_IN_FLIGHT}** at once`,
    );
  });
});
