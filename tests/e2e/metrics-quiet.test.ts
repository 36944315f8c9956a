/** The handlers' metrics on an invocation that records nothing (an s3:TestEvent): no EMF line, no warning. */
import { Metrics } from "@aws-lambda-powertools/metrics";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RecordedMetrics } from "../../functions/common/powertools";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Powertools writes through the global console in dev mode (its own Console otherwise), so it can be watched. */
function spiedConsole() {
  vi.stubEnv("POWERTOOLS_DEV", "true");
  vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "false");
  return {
    log: vi.spyOn(console, "log").mockImplementation(() => {}),
    warn: vi.spyOn(console, "warn").mockImplementation(() => {}),
  };
}

describe("RecordedMetrics", () => {
  it("should publish nothing and warn nothing when no metric was recorded", () => {
    // Prepare
    const out = spiedConsole();
    const plain = new Metrics({ namespace: "Test", serviceName: "test" });
    const metrics = new RecordedMetrics({ namespace: "Test", serviceName: "test" });

    // Act
    plain.publishStoredMetrics();
    const warnedByPlain = out.warn.mock.calls.length;
    metrics.publishStoredMetrics();

    // Assess: Powertools' own class warns here; ours stays quiet.
    expect(warnedByPlain).toBe(1);
    expect(out.warn).toHaveBeenCalledTimes(1);
    expect(out.log).not.toHaveBeenCalled();
  });

  it("should publish what was recorded as one EMF line", () => {
    // Prepare
    const out = spiedConsole();
    const metrics = new RecordedMetrics({ namespace: "Test", serviceName: "test" });
    metrics.addMetric("Articles", "Count", 1);

    // Act
    metrics.publishStoredMetrics();

    // Assess
    expect(out.log).toHaveBeenCalledTimes(1);
    expect(String(out.log.mock.calls[0]?.[0])).toContain('"Articles"');
    expect(out.warn).not.toHaveBeenCalled();
  });
});
