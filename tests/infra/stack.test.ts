import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../shared/pipeline/config";
import { INPUT_BUDGET, maxLanguagesFor } from "../../shared/pipeline/resources";
import { ROUTES, routeOf } from "../../shared/pipeline/routing";
import { AMAZON_TRANSLATE_LANGUAGES } from "../../shared/translate/supported-languages";
import { buildTestApp, synthTemplate } from "./synth";

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let template: Template;

beforeAll(() => {
  template = synthTemplate();
});

function resources(type: string): [string, Resource][] {
  return Object.entries(template.findResources(type)) as [string, Resource][];
}

function functionId(stage: string): string {
  const [id] = Object.keys(
    template.findResources("AWS::Lambda::Function", {
      Properties: { Environment: { Variables: Match.anyValue() } },
    }),
  ).filter((logicalId) => logicalId.toLowerCase().startsWith(stage));
  if (!id) throw new Error(`no function for ${stage}`);
  return id;
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

describe("buckets", () => {
  it("should block public access, encrypt and expire abandoned uploads on every bucket", () => {
    // Assess
    const buckets = resources("AWS::S3::Bucket");
    expect(buckets).toHaveLength(3);
    for (const [, bucket] of buckets) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } },
          ],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
      });
      const rules = (bucket.Properties.LifecycleConfiguration as { Rules: unknown[] }).Rules;
      expect(rules).toContainEqual(
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
      );
    }
  });

  it("should deny every request not made over TLS", () => {
    const policies = resources("AWS::S3::BucketPolicy");
    expect(policies).toHaveLength(3);
    for (const [, policy] of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain(
        '"Condition":{"Bool":{"aws:SecureTransport":"false"}}',
      );
    }
  });

  it("should log access to the ingest and results buckets", () => {
    const logged = resources("AWS::S3::Bucket").filter(
      ([, b]) => b.Properties.LoggingConfiguration !== undefined,
    );
    expect(logged.map(([id]) => id.replace(/[A-F0-9]{8}$/, ""))).toEqual(
      expect.arrayContaining(["IngestBucket", "ResultsBucket"]),
    );
  });

  it("should route S3 notifications exactly as the routing table says", () => {
    // Prepare
    const expected = ROUTES.filter((r) => r.trigger.kind === "object-created").map((r) => {
      const t = r.trigger as { prefix: string; suffix?: string };
      return [
        { Name: "prefix", Value: t.prefix },
        ...(t.suffix ? [{ Name: "suffix", Value: t.suffix }] : []),
      ];
    });
    // Act
    const filters = resources("Custom::S3BucketNotifications").flatMap(([, n]) =>
      (
        n.Properties.NotificationConfiguration as {
          QueueConfigurations: { Events: string[]; Filter: { Key: { FilterRules: unknown[] } } }[];
        }
      ).QueueConfigurations.map((q) => {
        expect(q.Events).toEqual(["s3:ObjectCreated:*"]);
        return q.Filter.Key.FilterRules;
      }),
    );
    // Assess (order of the rules inside a filter is CDK's business)
    const sorted = (rules: unknown[]) =>
      JSON.stringify([...rules].map((r) => JSON.stringify(r)).sort());
    expect(filters).toHaveLength(expected.length);
    expect(filters.map(sorted).sort()).toEqual(expected.map(sorted).sort());
  });

  it("should never let results re-trigger intake: the results bucket only notifies on article.json", () => {
    const results = resources("Custom::S3BucketNotifications").find(([id]) =>
      id.startsWith("ResultsBucket"),
    );
    const rules = JSON.stringify(results?.[1].Properties.NotificationConfiguration);
    expect(rules).toContain('"Name":"suffix","Value":"/article.json"');
    expect(rules).not.toContain("incoming/");
  });
});

describe("queues and functions", () => {
  it("should give every stage an encrypted, TLS-only queue with a DLQ and the routing table's retry policy", () => {
    const queues = resources("AWS::SQS::Queue");
    // Per stage: its queue, its dead-letter queue, the parked queue behind it (tests/infra/dead-letter.test.ts).
    expect(queues).toHaveLength(9);
    for (const [, q] of queues) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    for (const route of ROUTES) {
      const stage = route.stage[0]?.toUpperCase() + route.stage.slice(1);
      const [, queue] = queues.find(([id]) => id.startsWith(`${stage}Queue`)) ?? [];
      expect(queue?.Properties).toMatchObject({
        VisibilityTimeout: route.queue.visibilityTimeoutSeconds,
        MaximumMessageSize: 262144,
        RedrivePolicy: { maxReceiveCount: route.queue.maxReceiveCount },
      });
    }
    for (const [, policy] of resources("AWS::SQS::QueuePolicy")) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain("aws:SecureTransport");
    }
  });

  it("should alarm on the depth of each parked queue, where every dead message ends", () => {
    const alarms = resources("AWS::CloudWatch::Alarm").filter(([id]) =>
      id.includes("DeadLetterAlarm"),
    );
    expect(alarms).toHaveLength(3);
    for (const [, alarm] of alarms) {
      expect(alarm.Properties).toMatchObject({
        MetricName: "ApproximateNumberOfMessagesVisible",
        Namespace: "AWS/SQS",
        Threshold: 1,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
      });
      const [dimension] = alarm.Properties.Dimensions as { Value: { "Fn::GetAtt": string[] } }[];
      expect(dimension?.Value["Fn::GetAtt"]?.[0]).toMatch(/ParkedQueue/);
    }
  });

  it("should publish every alarm, firing and clearing, to one TLS-only topic", () => {
    // Prepare
    const [topicId] = Object.keys(template.findResources("AWS::SNS::Topic"));
    const ref = { Ref: topicId };
    const alarms = resources("AWS::CloudWatch::Alarm");
    // Assess: 3 dead-letter alarms, 4 per stage (tests/infra/operations.test.ts) and Translate's throttling.
    expect(alarms).toHaveLength(3 + 3 * 4 + 1);
    for (const [, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([ref]);
      expect(alarm.Properties.OKActions).toEqual([ref]);
    }
    template.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
    template.hasOutput("AlarmTopicArn", { Value: ref });
    template.resourceCountIs("AWS::SNS::Subscription", 0);
  });

  it("should subscribe the alarmEmail context to the alarm topic, and refuse a malformed one", () => {
    // Act
    const withEmail = synthTemplate({ alarmEmail: "ops@example.com" });
    // Assess
    withEmail.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "ops@example.com",
    });
    expect(() => buildTestApp({ alarmEmail: "ops@example.com, dev@example.com" })).toThrow(
      /alarmEmail must be one email address/,
    );
  });

  it("should give every stage at least 5 deliveries and a visibility timeout of 6 × its timeout", () => {
    for (const route of ROUTES) {
      expect(route.queue.maxReceiveCount).toBeGreaterThanOrEqual(5);
      expect(route.queue.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(
        6 * route.queue.timeoutSeconds,
      );
      expect(route.queue.recordSeconds).toBeLessThanOrEqual(route.queue.timeoutSeconds);
    }
  });

  it("should give each function the memory of its stage resources", () => {
    for (const route of ROUTES) {
      const props = template.toJSON().Resources[functionId(route.stage)].Properties;
      expect(props.MemorySize).toBe(route.queue.memoryMb);
    }
  });

  it("should run each stage on Node 22 arm64 with tracing, JSON logs and its routing timeout", () => {
    for (const route of ROUTES) {
      const props = template.toJSON().Resources[functionId(route.stage)].Properties;
      expect(props).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        TracingConfig: { Mode: "Active" },
        LoggingConfig: { LogFormat: "JSON" },
        Timeout: route.queue.timeoutSeconds,
        Handler: "index.handler",
      });
    }
  });

  it("should feed each function from its queue with partial batch failures", () => {
    const mappings = resources("AWS::Lambda::EventSourceMapping");
    // Each stage's queue, and the dead-letter consumer's three dead-letter queues.
    expect(mappings).toHaveLength(6);
    for (const [, m] of mappings) {
      expect(m.Properties.FunctionResponseTypes).toEqual(["ReportBatchItemFailures"]);
    }
    for (const route of ROUTES) {
      const mapping = mappings.find(
        ([, m]) => (m.Properties.FunctionName as { Ref: string }).Ref === functionId(route.stage),
      );
      expect(mapping?.[1].Properties).toMatchObject({
        BatchSize: routeOf(route.stage).queue.batchSize,
        ScalingConfig: { MaximumConcurrency: routeOf(route.stage).queue.maxConcurrency },
      });
    }
  });

  it("should pass the context's settings to the functions as validated environment variables", () => {
    const env =
      template.toJSON().Resources[functionId("translate")].Properties.Environment.Variables;
    expect(env).toMatchObject({
      TARGET_LANGUAGES: "es,fr",
      SUMMARY_LENGTH: "sentences:3",
      TRANSLATE_PROFANITY: "false",
      MAX_INPUT_BYTES: String(INPUT_BUDGET.defaultMaxInputBytes),
      EVENT_BUS_NAME: "default",
    });
    expect(env.RESULTS_BUCKET.Ref).toMatch(/^ResultsBucket/);
    const summarize = template.toJSON().Resources[functionId("summarize")].Properties;
    expect(summarize.Environment.Variables.TRANSLATE_QUEUE_URL.Ref).toMatch(/^TranslateQueue/);
  });

  it("should refuse a bad context value at synth time with the setting's name", () => {
    expect(() => buildTestApp({ targetLanguages: "es,not a language" })).toThrow(ConfigError);
    expect(() => buildTestApp({ summarySentences: 0 })).toThrow(/SUMMARY_SENTENCES/);
  });

  it("should refuse an input size the stage resources are not sized for, naming maxInputBytes", () => {
    // Prepare
    const tooLarge = INPUT_BUDGET.maxInputBytes + 1;
    // Act, Assess
    expect(() => buildTestApp({ maxInputBytes: tooLarge })).toThrow(ConfigError);
    expect(() => buildTestApp({ maxInputBytes: tooLarge })).toThrow(/^maxInputBytes=\d+ is over/);
  });

  it("should refuse more languages than the budget carries at this size, and accept exactly as many", () => {
    // Prepare
    const bytes = INPUT_BUDGET.maxInputBytes;
    const languages = (count: number) => AMAZON_TRANSLATE_LANGUAGES.slice(0, count).join(",");
    const most = maxLanguagesFor(bytes);
    // Act, Assess
    expect(() =>
      buildTestApp({ maxInputBytes: bytes, targetLanguages: languages(most + 1) }),
    ).toThrow(/maxInputBytes=\d+ × \d+ targetLanguages is over/);
    expect(() =>
      buildTestApp({ maxInputBytes: bytes, targetLanguages: languages(most) }),
    ).not.toThrow();
  });
});

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
