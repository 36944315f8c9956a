/**
 * The stack builds its resources through the ArticlePipeline construct: a deployed stack must update in place,
 * so the stateful resources keep the logical ids they had when the stack built them itself (a new id is a new
 * bucket or queue, and the old one's messages or objects left behind).
 */
import { describe, expect, it } from "vitest";
import { synthTemplate } from "./synth";

/** Recorded from the stack before the construct existed (commit dbae4e0). */
const STATEFUL_IDS = [
  "AccessLogsBucket83982689",
  "IngestBucket2B3522FA",
  "ResultsBucketA95A2103",
  ...["DeadLetterLogs73C85555", "NormalizeLogs31E88E47", "SummarizeLogs6C627F4D"],
  "TranslateLogsCBF31BE1",
  ...["NormalizeQueueC4DD5759", "NormalizeDeadLetterQueue7A33704C", "NormalizeParkedQueueCB7B3778"],
  ...["SummarizeQueue88510285", "SummarizeDeadLetterQueue5D3718FF", "SummarizeParkedQueue7550FEBE"],
  ...["TranslateQueue2A5FB2B7", "TranslateDeadLetterQueue90C033C4", "TranslateParkedQueueD01DB5BF"],
];

describe("the stack's logical ids", () => {
  it("should keep every bucket, queue and log group under the id it had before the construct", () => {
    // Act
    const resources = synthTemplate().toJSON().Resources as Record<string, { Type: string }>;
    const stateful = Object.entries(resources)
      .filter(([, r]) =>
        ["AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::Logs::LogGroup"].includes(r.Type),
      )
      .map(([id]) => id);
    // Assess
    expect(stateful.sort()).toEqual([...STATEFUL_IDS].sort());
  });
});
