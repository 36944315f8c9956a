/** The ArticlePipeline construct with a customer-managed KMS key, and with a results bucket from another stack. */

import { ArticlePipeline } from "article-pipeline/cdk";
import { RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { type CfnKey, Key } from "aws-cdk-lib/aws-kms";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { allowStatements, foreignApp } from "./foreign-app";
import { nagFindings } from "./nag";

function keyedPipeline() {
  const app = foreignApp();
  const stack = new Stack(app, "Newsroom");
  const key = new Key(stack, "ArticlesKey", {
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const pipeline = new ArticlePipeline(stack, "Articles", { encryptionKey: key });
  return { app, stack, key, pipeline };
}

describe("ArticlePipeline with encryptionKey", () => {
  let template: Template;
  let keyId: string;
  let stack: Stack;

  beforeAll(() => {
    const built = keyedPipeline();
    stack = built.stack;
    template = Template.fromStack(stack);
    keyId = stack.getLogicalId(built.key.node.defaultChild as CfnKey);
  });

  it("should encrypt the ingest and results buckets under the key, the access log bucket under SSE-S3", () => {
    // Act
    const buckets = Object.entries(template.findResources("AWS::S3::Bucket"));
    // Assess
    expect(buckets).toHaveLength(3);
    for (const [id, bucket] of buckets) {
      const [rule] = bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration;
      if (id.startsWith("ArticlesAccessLogsBucket")) {
        expect(rule.ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: "AES256" });
      } else {
        expect(rule).toEqual({
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: "aws:kms",
            KMSMasterKeyID: { "Fn::GetAtt": [keyId, "Arn"] },
          },
        });
      }
    }
  });

  it("should encrypt all nine queues under the key", () => {
    const queues = Object.values(template.findResources("AWS::SQS::Queue"));
    expect(queues).toHaveLength(9);
    for (const q of queues) {
      expect(q.Properties.KmsMasterKeyId).toEqual({ "Fn::GetAtt": [keyId, "Arn"] });
    }
  });

  it("should let S3 of this account use the key, so notifications reach the encrypted queues", () => {
    template.hasResourceProperties("AWS::KMS::Key", {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: "s3.amazonaws.com" },
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Condition: { StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } },
          }),
        ]),
      },
    });
  });

  it("should grant every function decrypt and data keys on that key only, with no wildcard action", () => {
    // Act
    const kms = allowStatements(stack).filter((s) => s.actions.some((a) => a.startsWith("kms:")));
    // Assess: three stages and the dead-letter consumer read and write under it (the SQS event sources
    // add kms:Decrypt for receiving on their own).
    const explicit = kms.filter((s) => s.actions.includes("kms:GenerateDataKey"));
    expect(explicit).toHaveLength(4);
    for (const s of kms) {
      expect(s.resource).toBe(JSON.stringify({ "Fn::GetAtt": [keyId, "Arn"] }));
      expect(s.actions.every((a) => !a.includes("*"))).toBe(true);
    }
  });

  it("should pass cdk-nag's AwsSolutions checks", () => {
    expect(nagFindings(keyedPipeline().app)).toBe("");
  });
});

describe("ArticlePipeline with an imported key", () => {
  it("should warn at synth that S3 needs the key policy statement the app cannot add", () => {
    // Prepare
    const stack = new Stack(foreignApp(), "Newsroom", {
      env: { account: "111111111111", region: "eu-west-1" },
    });
    const key = Key.fromKeyArn(
      stack,
      "SharedKey",
      "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    );
    // Act
    new ArticlePipeline(stack, "Articles", { encryptionKey: key });
    // Assess: one warning per notified queue (normalize, summarize).
    const warnings = Annotations.fromStack(stack).findWarning(
      "*",
      Match.stringLikeRegexp("Allow s3.amazonaws.com kms:GenerateDataKey and kms:Decrypt"),
    );
    expect(warnings).toHaveLength(2);
  });
});

describe("ArticlePipeline with a results bucket from another stack", () => {
  it("should pass cdk-nag, its wildcard acknowledgement naming the bucket as imported across stacks", () => {
    // Prepare
    const app = foreignApp();
    const storage = new Stack(app, "Storage");
    const logs = new Bucket(storage, "Logs", {
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
    });
    Validations.of(logs).acknowledge({ id: "AwsSolutions-S1", reason: "Test log bucket." });
    const results = new Bucket(storage, "Results", {
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logs,
    });
    const stack = new Stack(app, "Newsroom");
    new ArticlePipeline(stack, "Articles", { resultsBucket: results });
    // Act
    const findings = nagFindings(app);
    // Assess
    expect(findings).toBe("");
    const statements = allowStatements(stack).filter((s) => s.resource.includes("/results/*"));
    expect(statements.length).toBe(4);
    for (const s of statements) expect(s.resource).toContain("Fn::ImportValue");
  });
});
