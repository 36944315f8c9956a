/** The ArticlePipeline construct in an app that is not this repository's (infra/aws/app.ts). */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ArticlePipeline, pipelineSettings } from "article-pipeline/cdk";
import { Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { EventBus } from "aws-cdk-lib/aws-events";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { describe, expect, it } from "vitest";
import { buildNewsroomApp } from "../../examples/own-cdk-app";
import { ConfigError } from "../../shared/pipeline/config";
import { allowStatements, foreignApp } from "./foreign-app";
import { nagFindings } from "./nag";

const CMS_BUCKET = "newsroom-cms-exports";
const PREFIX = "exports/articles/";

describe("ArticlePipeline on an imported bucket (the README's example app)", () => {
  it("should notify the normalize queue from the imported bucket, under its prefix only", () => {
    // Prepare
    const { stack } = buildNewsroomApp(foreignApp());
    // Act
    const template = Template.fromStack(stack);
    // Assess: CDK's custom resource merges this configuration into the bucket's own (Managed: false).
    template.hasResourceProperties("Custom::S3BucketNotifications", {
      BucketName: CMS_BUCKET,
      Managed: false,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ["s3:ObjectCreated:*"],
            Filter: { Key: { FilterRules: [{ Name: "prefix", Value: PREFIX }] } },
            QueueArn: { "Fn::GetAtt": [Match.stringLikeRegexp("^ArticlesNormalizeQueue"), "Arn"] },
          },
        ],
      },
    });
    // The results bucket made for it still starts summarize on article.json only.
    template.hasResourceProperties("Custom::S3BucketNotifications", {
      BucketName: { Ref: Match.stringLikeRegexp("^ArticlesResultsBucket") },
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({
            Filter: {
              Key: {
                FilterRules: Match.arrayWith([{ Name: "suffix", Value: "/article.json" }]),
              },
            },
          }),
        ],
      },
    });
  });

  it("should read the imported bucket under the prefix only, and never write to it", () => {
    // Prepare
    const { stack } = buildNewsroomApp(foreignApp());
    // Act
    const onCms = allowStatements(stack).filter((s) => s.resource.includes(CMS_BUCKET));
    // Assess: objects under the prefix, read by normalize and the dead-letter consumer.
    const objects = onCms.filter((s) => s.resource.includes(`${CMS_BUCKET}/`));
    expect(objects).toHaveLength(2);
    for (const s of objects) {
      expect(s.actions).toEqual(["s3:GetObject"]);
      expect(s.resource).toContain(`:s3:::${CMS_BUCKET}/${PREFIX}*"`);
    }
    // On the bucket itself: key listing (404 rather than 403 for a missing source) and CDK's custom resource
    // reading and merging the bucket's notification configuration.
    const onBucket = new Set(onCms.filter((s) => !objects.includes(s)).flatMap((s) => s.actions));
    expect([...onBucket].sort()).toEqual([
      "s3:GetBucketNotification",
      "s3:ListBucket",
      "s3:PutBucketNotification",
    ]);
  });

  it("should pass cdk-nag's AwsSolutions checks, the notification custom resource included", () => {
    // Act
    const findings = nagFindings(buildNewsroomApp(foreignApp()).app);
    // Assess
    expect(findings).toBe("");
  });

  it("should be quoted whole by the README, so the README's example is the one synthesized here", () => {
    // Prepare
    const root = join(import.meta.dirname, "..", "..");
    const example = readFileSync(join(root, "examples", "own-cdk-app.ts"), "utf8");
    const readme = readFileSync(join(root, "README.md"), "utf8");
    // Act
    const section = readme.slice(readme.indexOf("## Use it in your own CDK app"));
    const quoted = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    // Assess: the file's code, after its own header comment.
    expect(quoted).toBe(example.slice(example.indexOf("import ")));
  });

  it("should pass the settings to the functions as the stack's context would", () => {
    // Prepare
    const { stack } = buildNewsroomApp(foreignApp());
    // Act
    const functions = Template.fromStack(stack).findResources("AWS::Lambda::Function", {
      Properties: { Environment: { Variables: { TARGET_LANGUAGES: Match.anyValue() } } },
    });
    // Assess: the three stages and the dead-letter consumer.
    const variables = Object.values(functions).map((f) => f.Properties.Environment.Variables);
    expect(variables).toHaveLength(4);
    for (const v of variables) {
      expect(v).toMatchObject({ TARGET_LANGUAGES: "de,ja", SUMMARY_LENGTH: "sentences:4" });
    }
  });
});

describe("ArticlePipeline props", () => {
  const build = (props: ConstructorParameters<typeof ArticlePipeline>[2]) => () => {
    const stack = new Stack(foreignApp(), "Newsroom");
    new ArticlePipeline(stack, "Articles", props);
  };

  it("should refuse a wildcard or a leading slash in the ingest prefix, naming incomingPrefix", () => {
    expect(build({ incomingPrefix: "exports/*.txt" })).toThrow(ConfigError);
    expect(build({ incomingPrefix: "/exports/" })).toThrow(/^incomingPrefix: "\/exports\/"/);
  });

  it("should refuse one bucket for ingest and results when outputs would fall under the ingest prefix", () => {
    // Prepare
    const stack = new Stack(foreignApp(), "Newsroom");
    const shared = Bucket.fromBucketName(stack, "Shared", "one-bucket");
    const attempt = (incomingPrefix: string) => () =>
      new ArticlePipeline(stack, `Articles${incomingPrefix.length}`, {
        ingestBucket: shared,
        resultsBucket: shared,
        incomingPrefix,
      });
    // Act, Assess
    expect(attempt("")).toThrow(/overlaps "results\/"/);
    expect(attempt("results/in/")).toThrow(ConfigError);
    expect(attempt("incoming/")).not.toThrow();
  });

  it("should refuse hand-built settings the functions would refuse, and a language Translate lacks", () => {
    // Prepare
    const valid = pipelineSettings({ targetLanguages: "es" });
    // Act, Assess
    expect(build({ settings: { ...valid, logPreviewChars: -1 } })).toThrow(/LOG_PREVIEW_CHARS/);
    expect(build({ settings: { ...valid, targetLanguages: ["xx"] } })).toThrow(
      /"xx" is not a language Amazon Translate translates into/,
    );
    expect(() => pipelineSettings({ summarySentences: 0 })).toThrow(ConfigError);
  });

  it("should refuse an operations threshold out of range, naming its context key", () => {
    expect(build({ operations: { oldestMessageSeconds: 0 } })).toThrow(
      /^alarmOldestMessageSeconds must be an integer/,
    );
  });

  it("should send events to the bus given and start on every key when the prefix is empty", () => {
    // Prepare
    const stack = new Stack(foreignApp(), "Newsroom");
    const bus = new EventBus(stack, "NewsBus");
    // Act
    new ArticlePipeline(stack, "Articles", {
      ingestBucket: Bucket.fromBucketName(stack, "Drop", "newsroom-drop"),
      incomingPrefix: "",
      eventBus: bus,
    });
    // Assess
    const template = Template.fromStack(stack);
    const busId = stack.resolve(bus.eventBusName).Ref as string;
    const functions = Object.values(
      template.findResources("AWS::Lambda::Function", {
        Properties: { Environment: { Variables: { EVENT_BUS_NAME: Match.anyValue() } } },
      }),
    );
    expect(functions).toHaveLength(4);
    for (const f of functions) {
      expect(f.Properties.Environment.Variables.EVENT_BUS_NAME).toEqual({ Ref: busId });
    }
    const puts = allowStatements(stack).filter((s) => s.actions.includes("events:PutEvents"));
    expect(puts.map((s) => s.resource)).toEqual(
      Array(4).fill(JSON.stringify({ "Fn::GetAtt": [busId, "Arn"] })),
    );
    template.hasResourceProperties("Custom::S3BucketNotifications", {
      BucketName: "newsroom-drop",
      NotificationConfiguration: {
        QueueConfigurations: [Match.objectLike({ Filter: Match.absent() })],
      },
    });
  });
});
