import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "./synth";

/**
 * Synthesizes with cdk-nag's AwsSolutions pack (registered by the app) and returns every finding left
 * standing, errors and warnings alike (warnings do not fail synth, so the report is read too).
 */
function nagFailures(mutate?: (stack: ReturnType<typeof buildTestApp>["stack"]) => void): string {
  const { app, stack } = buildTestApp();
  mutate?.(stack);
  try {
    app.synth();
  } catch (error) {
    return String(error instanceof Error ? error.message : error);
  }
  const report = join(app.outdir, "validation-report.json");
  if (!existsSync(report)) return "";
  const { pluginReports } = JSON.parse(readFileSync(report, "utf8")) as {
    pluginReports: { violations: { ruleName: string }[] }[];
  };
  return pluginReports
    .flatMap((r) => r.violations)
    .map((v) => v.ruleName)
    .join("\n");
}

describe("cdk-nag AwsSolutions", () => {
  it("should report no unacknowledged finding on the stack", () => {
    // Act
    const failures = nagFailures();
    // Assess: an empty string means the validation plugin passed; otherwise the report names each rule.
    expect(failures).toBe("");
  });

  it("should fail synth on a finding nobody acknowledged (the check is live)", () => {
    // Prepare + Act: a bucket with none of the safe defaults.
    const failures = nagFailures((stack) => {
      new Bucket(stack, "UnsafeBucket");
    });
    // Assess
    expect(failures).toContain("AwsSolutions-S1");
    expect(failures).toContain("AwsSolutions-S10");
  });
});
