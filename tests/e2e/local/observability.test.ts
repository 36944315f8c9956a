import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MetricUnit } from "../../../functions/common/powertools";
import { createLogSink, localObservability } from "../../../infra/local/logger";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "observability-"));
  vi.stubEnv("POWERTOOLS_METRICS_DISABLED", undefined);
  vi.stubEnv("POWERTOOLS_TRACE_ENABLED", undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe("local observability", () => {
  it("should print no metrics and trace nothing without touching the process environment", () => {
    // Prepare
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const { metrics, tracer } = localObservability(
      "normalize",
      createLogSink(join(dir, "log"), false),
    );

    // Act
    metrics.captureColdStartMetric();
    metrics.addMetric("Articles", MetricUnit.Count, 1);
    metrics.publishStoredMetrics();

    // Assess
    expect(stdout).not.toHaveBeenCalled();
    expect(tracer.isTracingEnabled()).toBe(false);
    expect(process.env.POWERTOOLS_METRICS_DISABLED).toBeUndefined();
    expect(process.env.POWERTOOLS_TRACE_ENABLED).toBeUndefined();
  });

  it("should write the stage's log lines to the log file", async () => {
    // Prepare
    const file = join(dir, "logs", "pipeline.log");
    const { logger } = localObservability("summarize", createLogSink(file, false));

    // Act
    logger.info("hello");

    // Assess
    const line = JSON.parse((await readFile(file, "utf8")).trim());
    expect(line).toMatchObject({
      message: "hello",
      stage: "summarize",
      service: "article-pipeline",
    });
  });
});
