import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { DEFAULT_STACK_NAME, STACK_OUTPUTS } from "../../infra/aws/stack-outputs";
import { buildTestApp } from "../infra/synth";

describe("stack outputs a backfill reads", () => {
  it("should be in the synthesized stack under the names the backfill looks up", () => {
    // Act
    const { stack } = buildTestApp();
    const outputs = Object.keys(Template.fromStack(stack).toJSON().Outputs ?? {});
    // Assess
    expect(stack.stackName).toBe(DEFAULT_STACK_NAME);
    expect(outputs).toEqual(expect.arrayContaining(Object.values(STACK_OUTPUTS)));
  });
});
