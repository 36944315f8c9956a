import { Bucket } from "aws-cdk-lib/aws-s3";
import { describe, expect, it } from "vitest";
import { nagFindings } from "./nag";
import { buildTestApp } from "./synth";

function nagFailures(mutate?: (stack: ReturnType<typeof buildTestApp>["stack"]) => void): string {
  const { app, stack } = buildTestApp();
  mutate?.(stack);
  return nagFindings(app);
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
