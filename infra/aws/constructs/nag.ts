/**
 * cdk-nag acknowledgements that name the resource they excuse by the resource itself, never by a logical id
 * spelled by hand: a wildcard finding's id is the policy resource as cdk-nag renders it (AwsSolutions-IAM5
 * [Resource::<Logical.Arn>/results/*], [Resource::arn:<AWS::Partition>:s3:::bucket/prefix*]), derived here from
 * the same token the statement holds, for buckets made here, imported ones, and ones from another stack.
 */
import { Stack, Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * Acknowledges the AwsSolutions-IAM5 finding a policy statement on `resource` raises on `target` (a role or
 * one of its ancestors). Worked out when the tree is validated, after cross-stack references have become
 * imports, so the id is the one cdk-nag computes from the template.
 */
export function acknowledgeWildcardResource(
  target: IConstruct,
  resource: string,
  reason: string,
): void {
  target.node.addValidation({
    validate: () => {
      const rendered = flattenReference(Stack.of(target).resolve(resource));
      Validations.of(target).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${rendered}]`,
        reason,
      });
      return [];
    },
  });
}

/** cdk-nag's rendering of a CloudFormation reference (its utils/flatten-cfn-reference, not exported). */
export function flattenReference(node: unknown): string {
  if (node === undefined) return "";
  if (typeof node === "string") return node.replace(/\$\{/g, "<").replace(/\}/g, ">");
  const fn = node as Record<string, unknown>;
  if (fn["Fn::Join"]) {
    const [delimiter, items] = fn["Fn::Join"] as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if (fn["Fn::Sub"]) return flattenReference(fn["Fn::Sub"]);
  if (fn["Fn::GetAtt"]) {
    const [resource, attribute] = fn["Fn::GetAtt"] as [unknown, unknown];
    return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
  }
  if (fn["Fn::ImportValue"]) return flattenReference(fn["Fn::ImportValue"]);
  if (fn.Ref) return `<${flattenReference(fn.Ref)}>`;
  return JSON.stringify(node);
}
