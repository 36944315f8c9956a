/** The stack's IAM: least privilege per stage, no wildcard actions, no managed policies. */
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { synthTemplate } from "./synth";

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let template: Template;

beforeAll(() => {
  template = synthTemplate();
});

function resources(type: string): [string, Resource][] {
  return Object.entries(template.findResources(type)) as [string, Resource][];
}

/** Every statement of the policies attached to a role (by the role's logical id prefix). */
function statementsOf(stagePrefix: string, from = template): Statement[] {
  return Object.entries(from.findResources("AWS::IAM::Policy"))
    .filter(([id]) => id.toLowerCase().startsWith(stagePrefix))
    .flatMap(
      ([, policy]) => (policy as Resource).Properties.PolicyDocument as { Statement: Statement[] },
    )
    .flatMap((doc) => doc.Statement);
}

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

describe("IAM", () => {
  it("should not allow a * action (or service:*) in any statement of any policy", () => {
    // Prepare: every policy document in the template, wherever it is attached.
    const docs = Object.values(template.toJSON().Resources as Record<string, Resource>).flatMap(
      (r) => {
        const p = r.Properties;
        const inline = (p.Policies as { PolicyDocument: unknown }[] | undefined) ?? [];
        return [p.PolicyDocument, ...inline.map((i) => i.PolicyDocument)].filter(Boolean);
      },
    ) as { Statement: Statement[] }[];
    // Act
    const statements = docs.flatMap((d) => d.Statement);
    const allowed = actionsOf(statements.filter((s) => s.Effect === "Allow"));
    const denyWildcards = statements.filter(
      (s) => s.Effect === "Deny" && actionsOf([s]).some((a) => a.includes("*")),
    );
    // Assess: the only wildcards are the TLS-only denials (deny s3:* / sqs:* without aws:SecureTransport).
    expect(docs.length).toBeGreaterThan(5);
    expect(allowed.length).toBeGreaterThan(20);
    expect(allowed.filter((a) => a.includes("*"))).toEqual([]);
    for (const s of denyWildcards) {
      expect(JSON.stringify(s)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it("should use no AWS managed policy on the stage roles", () => {
    for (const [id, role] of resources("AWS::IAM::Role")) {
      if (id.startsWith("BucketNotificationsHandler")) continue;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it("should grant TranslateText to the translate function only", () => {
    expect(actionsOf(statementsOf("translate"))).toContain("translate:TranslateText");
    for (const stage of ["normalize", "summarize"]) {
      expect(actionsOf(statementsOf(stage)).filter((a) => a.startsWith("translate:"))).toEqual([]);
    }
    expect(actionsOf(statementsOf("translate"))).not.toContain("translate:GetTerminology");
  });

  it("should not grant GetTerminology even with a terminology set (TranslateText applies it)", () => {
    const withTerms = synthTemplate({ terminologyNames: "newsroom-terms" });
    expect(actionsOf(statementsOf("translate", withTerms))).not.toContain(
      "translate:GetTerminology",
    );
  });

  it("should scope S3 object access to the incoming/ and results/ prefixes", () => {
    for (const stage of ["normalize", "summarize", "translate"]) {
      for (const s of statementsOf(stage)) {
        const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
        if (!actions.some((a) => a === "s3:GetObject" || a === "s3:PutObject")) continue;
        const resource = JSON.stringify(s.Resource);
        expect(resource).toMatch(/\/(incoming|results)\/\*"/);
        if (resource.includes("/incoming/*")) {
          expect(stage).toBe("normalize");
          expect(actions).toEqual(["s3:GetObject"]);
        }
      }
    }
  });

  it("should let only the summarize function send translate jobs, and every stage put the event", () => {
    for (const stage of ["normalize", "summarize", "translate"]) {
      const actions = actionsOf(statementsOf(stage));
      expect(actions.includes("sqs:SendMessage")).toBe(stage === "summarize");
      const put = statementsOf(stage).find((s) => s.Action === "events:PutEvents");
      expect(JSON.stringify(put?.Resource)).toContain(":event-bus/default");
    }
  });
});
