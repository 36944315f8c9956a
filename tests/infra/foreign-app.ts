import { App, type Stack, Validations } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";

/** An app of someone else's, with cdk-nag registered, that does not bundle the Lambdas (placeholder assets). */
export function foreignApp(): App {
  const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

/** Every Allow statement of every IAM policy in the stack, with its actions as a list. */
export function allowStatements(stack: Stack): { actions: string[]; resource: string }[] {
  const policies = Template.fromStack(stack).findResources("AWS::IAM::Policy");
  return Object.values(policies)
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((s) => s.Effect === "Allow")
    .map((s) => ({
      actions: Array.isArray(s.Action) ? s.Action : [s.Action],
      resource: JSON.stringify(s.Resource),
    }));
}
