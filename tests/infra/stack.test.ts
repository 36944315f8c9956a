import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../shared/pipeline/config";
import { INPUT_BUDGET, maxLanguagesFor } from "../../shared/pipeline/resources";
import { ROUTES, routeOf } from "../../shared/pipeline/routing";
import { AMAZON_TRANSLATE_LANGUAGES } from "../../shared/translate/supported-languages";
import { buildTestApp, synthTemplate } from "./synth";

type Resource = { Type: string; Properties: Record<string, unknown> };

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
