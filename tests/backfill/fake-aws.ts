/**
 * The AWS a backfill talks to, mocked with aws-sdk-client-mock: an ingest bucket listed in pages of `pageSize`,
 * result heads carrying provenance metadata, a queue that records what it accepts (and refuses what the test
 * says), and a stack's outputs.
 */
import {
  CloudFormationClient,
  DescribeStacksCommand,
  type Output,
} from "@aws-sdk/client-cloudformation";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import {
  type BatchResultErrorEntry,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSRecord } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { parseS3Notification } from "../../functions/common/events";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import { provenanceMetadata } from "../../shared/pipeline/provenance";

export interface FakeObject {
  key: string;
  etag: string;
  size: number;
  lastModified: Date;
  storageClass?: "STANDARD" | "GLACIER" | "GLACIER_IR" | "DEEP_ARCHIVE";
  /** User metadata (x-amz-meta-*), e.g. target-languages. */
  metadata?: Record<string, string>;
}

export const REGION = "eu-west-1";
export const INGEST = "news-ingest";
export const RESULTS = "news-results";
export const QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/normalize";

export class FakeBackfillAws {
  readonly s3 = mockClient(S3Client);
  readonly sqs = mockClient(SQSClient);
  readonly cloudFormation = mockClient(CloudFormationClient);
  objects: FakeObject[] = [];
  /** results key → the source etag it was made from. */
  readonly results = new Map<string, string>();
  readonly accepted: SendMessageBatchRequestEntry[] = [];
  /** Decides per entry and attempt whether SQS refuses it. */
  refuse: (body: string, attempt: number) => BatchResultErrorEntry | undefined = () => undefined;
  /** SendMessageBatch calls fail whole (a network outage) once this returns true for the call's number. */
  outage: (call: number) => boolean = () => false;
  private readonly attempts = new Map<string, number>();
  private calls = 0;

  constructor(
    outputs: Output[] = [
      { OutputKey: "IngestBucketName", OutputValue: INGEST },
      { OutputKey: "ResultsBucketName", OutputValue: RESULTS },
      { OutputKey: "NormalizeQueueUrl", OutputValue: QUEUE_URL },
    ],
    pageSize = 2,
  ) {
    this.cloudFormation.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: "ArticlePipeline",
          StackStatus: "UPDATE_COMPLETE",
          CreationTime: new Date(0),
          Outputs: outputs,
        },
      ],
    });
    this.s3.on(ListObjectsV2Command).callsFake(async (input) => {
      const matching = this.objects.filter((o) => o.key.startsWith(input.Prefix ?? ""));
      const start = Number(input.ContinuationToken ?? 0);
      const page = matching.slice(start, start + pageSize);
      const next = start + pageSize < matching.length ? String(start + pageSize) : undefined;
      return {
        Contents: page.map((o) => ({
          Key: o.key,
          ETag: `"${o.etag}"`,
          Size: o.size,
          LastModified: o.lastModified,
          StorageClass: o.storageClass ?? "STANDARD",
        })),
        IsTruncated: next !== undefined,
        ...(next ? { NextContinuationToken: next } : {}),
      };
    });
    this.s3.on(HeadObjectCommand).callsFake(async (input) => {
      const source = input.Bucket === INGEST && this.objects.find((o) => o.key === input.Key);
      if (source) return { ETag: `"${source.etag}"`, Metadata: source.metadata ?? {} };
      const etag = input.Bucket === RESULTS ? this.results.get(input.Key ?? "") : undefined;
      if (etag === undefined) {
        throw Object.assign(new Error("NotFound"), {
          name: "NotFound",
          $metadata: { httpStatusCode: 404 },
        });
      }
      return {
        ETag: '"output"',
        Metadata: provenanceMetadata({
          source: { bucket: INGEST, key: "k", etag },
          startedAt: new Date(0).toISOString(),
          durationMs: 1,
        }),
      };
    });
    this.sqs.on(SendMessageBatchCommand).callsFake(async (input) => {
      this.calls += 1;
      if (this.outage(this.calls)) {
        throw Object.assign(new Error("connect ECONNRESET"), { name: "NetworkingError" });
      }
      const failed: BatchResultErrorEntry[] = [];
      for (const entry of input.Entries ?? []) {
        const body = entry.MessageBody ?? "";
        const attempt = (this.attempts.get(body) ?? 0) + 1;
        this.attempts.set(body, attempt);
        const refusal = this.refuse(body, attempt);
        if (refusal) failed.push({ ...refusal, Id: entry.Id });
        else this.accepted.push(entry);
      }
      return { Successful: [], Failed: failed };
    });
  }

  /** What the deployed pipeline does with the accepted messages: a manifest each; the queue is then empty. */
  processAccepted(): string[] {
    const keys: string[] = [];
    for (const object of this.records().flatMap((record) => parseS3Notification(record))) {
      this.results.set(outputKey(articleIdFromKey(object.key), OUTPUT_FILES.manifest), object.etag);
      keys.push(object.key);
    }
    this.accepted.length = 0;
    return keys;
  }

  /** The accepted messages as the normalize handler receives them. */
  records(): SQSRecord[] {
    return this.accepted.map((entry, index) => ({
      messageId: `m-${index}`,
      receiptHandle: "r",
      body: entry.MessageBody ?? "",
      attributes: {
        ApproximateReceiveCount: "1",
        SentTimestamp: "0",
        SenderId: "s",
        ApproximateFirstReceiveTimestamp: "0",
      },
      messageAttributes: {},
      md5OfBody: "",
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:eu-west-1:123456789012:normalize",
      awsRegion: REGION,
    }));
  }

  restore(): void {
    this.s3.restore();
    this.sqs.restore();
    this.cloudFormation.restore();
  }
}
