import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { DEFAULT_STACK_NAME, STACK_OUTPUTS } from "../../infra/aws/stack-outputs";
import { INCOMING_PREFIX } from "../../shared/contract/keys";
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

  it("should give the pipeline's ingest prefix as the IncomingPrefix output", () => {
    // Act
    const { stack } = buildTestApp();
    const outputs = Template.fromStack(stack).toJSON().Outputs as Record<
      string,
      { Value: unknown }
    >;
    // Assess
    expect(STACK_OUTPUTS.incomingPrefix).toBe("IncomingPrefix");
    expect(outputs[STACK_OUTPUTS.incomingPrefix]?.Value).toBe(stack.pipeline.incomingPrefix);
    expect(stack.pipeline.incomingPrefix).toBe(INCOMING_PREFIX);
  });
});
