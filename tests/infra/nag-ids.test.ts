/** The acknowledgement ids infra/aws/constructs/nag.ts derives must be the ones cdk-nag computes. */
import { flattenCfnReference } from "cdk-nag/lib/utils/flatten-cfn-reference";
import { describe, expect, it } from "vitest";
import { flattenReference } from "../../infra/aws/constructs/nag";

const REFERENCES: unknown[] = [
  "*",
  { "Fn::GetAtt": ["ResultsBucket1234", "Arn"] },
  { "Fn::Join": ["", [{ "Fn::GetAtt": ["ResultsBucket1234", "Arn"] }, "/results/*"]] },
  { "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":s3:::cms-exports/exports/*"]] },
  { "Fn::Join": ["", [{ "Fn::ImportValue": "Storage:ExportsOutputFnGetAtt" }, "/results/*"]] },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not a template.
  { "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:*" },
  { "Fn::Select": [0, ["a", "b"]] },
];

describe("flattenReference", () => {
  it("should render every kind of policy resource exactly as cdk-nag renders it in a finding id", () => {
    for (const reference of REFERENCES) {
      expect(flattenReference(reference)).toBe(flattenCfnReference(reference));
    }
  });
});
