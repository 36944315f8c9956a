/**
 * The dead-letter wiring on AWS: stage queue → DLQ (consumed by the dead-letter function) → parked queue (the
 * DLQ's own DLQ, where the alarm looks and a redrive starts), and the consumer's least privilege.
 */
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { DEAD_LETTER_CONSUMER, deadLetterEnv } from "../../shared/pipeline/dead-letter-routes";
import { ROUTES } from "../../shared/pipeline/routing";
import { synthTemplate } from "./synth";

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown };

let template: Template;

beforeAll(() => {
  template = synthTemplate();
});

const resources = (type: string) =>
  Object.entries(template.findResources(type)) as [string, Resource][];
const titled = (stage: string) => `${stage[0]?.toUpperCase()}${stage.slice(1)}`;
const idOf = (type: string, prefix: string) => {
  const found = resources(type).find(([id]) => id.startsWith(prefix));
  if (!found) throw new Error(`no ${type} ${prefix}*`);
  return found[0];
};

function consumerFunction(): [string, Resource] {
  const found = resources("AWS::Lambda::Function").find(([id]) => id.startsWith("DeadLetter"));
  if (!found) throw new Error("no dead-letter function");
  return found;
}

describe("dead-letter consumer", () => {
  it("should chain each stage's queue to its DLQ and the DLQ to its parked queue, kept 14 days", () => {
    for (const { stage } of ROUTES) {
      // Prepare
      const dlq = idOf("AWS::SQS::Queue", `${titled(stage)}DeadLetterQueue`);
      const parked = idOf("AWS::SQS::Queue", `${titled(stage)}ParkedQueue`);
      // Assess
      template.hasResourceProperties("AWS::SQS::Queue", {
        RedrivePolicy: {
          deadLetterTargetArn: { "Fn::GetAtt": [dlq, "Arn"] },
          maxReceiveCount: Match.anyValue(),
        },
      });
      const [, dlqResource] = resources("AWS::SQS::Queue").find(([id]) => id === dlq) ?? [];
      expect(dlqResource?.Properties).toMatchObject({
        VisibilityTimeout: DEAD_LETTER_CONSUMER.visibilityTimeoutSeconds,
        RedrivePolicy: {
          deadLetterTargetArn: { "Fn::GetAtt": [parked, "Arn"] },
          maxReceiveCount: DEAD_LETTER_CONSUMER.maxReceiveCount,
        },
      });
      const [, parkedResource] = resources("AWS::SQS::Queue").find(([id]) => id === parked) ?? [];
      expect(parkedResource?.Properties).toMatchObject({
        MessageRetentionPeriod: 14 * 24 * 3600,
        SqsManagedSseEnabled: true,
      });
    }
  });

  it("should feed one consumer function from every DLQ, with partial batch failures", () => {
    // Prepare
    const [fnId] = consumerFunction();
    const mappings = resources("AWS::Lambda::EventSourceMapping").filter(
      ([, m]) => (m.Properties.FunctionName as { Ref: string }).Ref === fnId,
    );
    // Assess
    expect(
      mappings.map(
        ([, m]) => (m.Properties.EventSourceArn as { "Fn::GetAtt": string[] })["Fn::GetAtt"][0],
      ),
    ).toEqual(
      ROUTES.map(({ stage }) => idOf("AWS::SQS::Queue", `${titled(stage)}DeadLetterQueue`)),
    );
    for (const [, m] of mappings) {
      expect(m.Properties).toMatchObject({
        FunctionResponseTypes: ["ReportBatchItemFailures"],
        BatchSize: DEAD_LETTER_CONSUMER.batchSize,
      });
    }
  });

  it("should tell the consumer each stage's DLQ and parked queue, and run it small and short", () => {
    // Prepare
    const [, fn] = consumerFunction();
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    // Assess
    expect(fn.Properties).toMatchObject({
      MemorySize: DEAD_LETTER_CONSUMER.memoryMb,
      Timeout: DEAD_LETTER_CONSUMER.timeoutSeconds,
      Runtime: "nodejs22.x",
    });
    expect(env).toMatchObject({ TARGET_LANGUAGES: "es,fr" });
    for (const { stage } of ROUTES) {
      const names = deadLetterEnv(stage);
      expect(env[names.queueArn]).toEqual({
        "Fn::GetAtt": [idOf("AWS::SQS::Queue", `${titled(stage)}DeadLetterQueue`), "Arn"],
      });
      expect(env[names.parkedQueueUrl]).toEqual({
        Ref: idOf("AWS::SQS::Queue", `${titled(stage)}ParkedQueue`),
      });
    }
  });

  it("should let only the consumer send to the parked queues", () => {
    // Prepare
    const senders = resources("AWS::IAM::Policy").filter(([, p]) =>
      (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement.some(
        (s) =>
          JSON.stringify(s.Resource).includes("ParkedQueue") &&
          JSON.stringify(s.Action).includes("sqs:SendMessage"),
      ),
    );
    // Assess
    expect(senders.map(([id]) => id.startsWith("DeadLetter"))).toEqual([true]);
  });
});
