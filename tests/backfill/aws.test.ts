import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseS3Notification } from "../../functions/common/events";
import { targetLanguagesFromContext } from "../../infra/aws/settings";
import { backfillOnAws } from "../../infra/backfill/aws";
import type { Io } from "../../infra/backfill/io";
import type { BackfillRequest } from "../../infra/backfill/options";
import type { SqsSenderOptions } from "../../infra/backfill/sqs-sender";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import { FakeBackfillAws, type FakeObject, INGEST, QUEUE_URL, REGION } from "./fake-aws";

let aws: FakeBackfillAws;
let lines: string[];
let errors: string[];
const io: Io = { out: (line) => lines.push(line), err: (line) => errors.push(line) };

const object = (key: string, etag = `etag-${key.length}`, size = 100, day = 10): FakeObject => ({
  key,
  etag,
  size,
  lastModified: new Date(Date.UTC(2024, 0, day)),
});

const request = (extra: Partial<BackfillRequest> = {}): BackfillRequest => ({
  bucket: INGEST,
  prefix: "incoming/",
  dryRun: false,
  ...extra,
});

function backfill(
  extra: Partial<BackfillRequest> = {},
  aws: Record<string, unknown> = {},
  sender: SqsSenderOptions = {},
) {
  return backfillOnAws(
    {
      request: request(extra),
      aws: { stackName: "ArticlePipeline", region: REGION, targetLanguages: ["es", "fr"], ...aws },
    },
    io,
    { sleep: async () => {}, ...sender },
  );
}

beforeEach(() => {
  aws = new FakeBackfillAws();
  lines = [];
  errors = [];
});

afterEach(() => aws.restore());

describe("npm run backfill (AWS)", () => {
  it("should send each stored article's S3 notification to the stack's normalize queue, as the handler parses it", async () => {
    // Prepare
    aws.objects = [
      object("incoming/a.txt", "e1", 120),
      object("incoming/desk/Café menu + prices.md", "e2", 80),
      object("incoming/c.html", "e3", 10),
    ];
    // Act
    const code = await backfill();
    // Assess
    expect(code).toBe(0);
    expect(aws.sqs.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.QueueUrl).toBe(
      QUEUE_URL,
    );
    const announced = aws.records().flatMap((record) => parseS3Notification(record));
    expect(announced).toEqual([
      { bucket: INGEST, key: "incoming/a.txt", etag: "e1", size: 120 },
      { bucket: INGEST, key: "incoming/desk/Café menu + prices.md", etag: "e2", size: 80 },
      { bucket: INGEST, key: "incoming/c.html", etag: "e3", size: 10 },
    ]);
    expect(lines.at(-1)).toMatch(
      /^sent 3 notification\(s\) to .*normalize \(stack ArticlePipeline\)/,
    );
  });

  it("should send at most 10 messages per SendMessageBatch call", async () => {
    // Prepare
    aws.objects = Array.from({ length: 23 }, (_, i) => object(`incoming/${i}.txt`, `e${i}`));
    // Act
    await backfill();
    // Assess
    const sizes = aws.sqs
      .commandCalls(SendMessageBatchCommand)
      .map((call) => call.args[0].input.Entries?.length);
    expect(sizes.sort()).toEqual([10, 10, 3].sort());
    expect(aws.accepted).toHaveLength(23);
  });

  it("should skip articles whose manifest or article.json was made from the stored version, and say how many", async () => {
    // Prepare
    aws.objects = [
      object("incoming/done.txt", "v1"),
      object("incoming/running.txt", "v1"),
      object("incoming/changed.txt", "v2"),
      object("incoming/new.txt", "v1"),
    ];
    const key = (source: string, file: string) => outputKey(articleIdFromKey(source), file);
    aws.results.set(key("incoming/done.txt", OUTPUT_FILES.manifest), "v1");
    aws.results.set(key("incoming/running.txt", OUTPUT_FILES.article), "v1");
    // An older version's results do not count: the stored version is new.
    aws.results.set(key("incoming/changed.txt", OUTPUT_FILES.manifest), "v1");
    // Act
    await backfill();
    // Assess
    const sent = aws.records().flatMap((r) => parseS3Notification(r).map((o) => o.key));
    expect(sent).toEqual(["incoming/changed.txt", "incoming/new.txt"]);
    expect(lines[0]).toBe(
      "listed 4 objects under s3://news-ingest/incoming/: 2 to send; skipped 1 already processed (manifest for the stored version), 1 in progress (article.json for the stored version, no manifest yet)",
    );
  });

  it("should send, after an interruption, only what the first run did not get processed", async () => {
    // Prepare: SQS becomes unreachable after the first batch of 10; the pipeline processes those 10.
    aws.objects = Array.from({ length: 25 }, (_, i) => object(`incoming/${i}.txt`, `e${i}`));
    aws.outage = (call) => call > 1;
    await expect(backfill({}, {}, { concurrency: 1 })).rejects.toThrow(/ECONNRESET/);
    const firstRun = aws.processAccepted();
    aws.outage = () => false;
    // Act
    const code = await backfill();
    // Assess
    const secondRun = aws.records().flatMap((r) => parseS3Notification(r).map((o) => o.key));
    expect(firstRun).toHaveLength(10);
    expect(code).toBe(0);
    expect(secondRun).toHaveLength(15);
    expect(secondRun.filter((key) => firstRun.includes(key))).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringMatching(/: 15 to send; skipped 10 already processed/),
    );
  });

  it("should leave out folder markers, file types the pipeline does not read and objects older than --since", async () => {
    // Prepare
    aws.objects = [
      object("incoming/2024/", "d41d8cd98f00b204e9800998ecf8427e", 0),
      object("incoming/photo.jpg"),
      object("incoming/old.txt", "e", 100, 1),
      object("incoming/fresh.txt", "e", 100, 20),
    ];
    // Act
    await backfill({ since: new Date(Date.UTC(2024, 0, 15)) });
    // Assess
    const sent = aws.records().flatMap((r) => parseS3Notification(r).map((o) => o.key));
    expect(sent).toEqual(["incoming/fresh.txt"]);
    expect(lines[0]).toMatch(
      /1 to send; skipped 1 folder marker\(s\), 1 of a file type the pipeline does not read, 1 older than --since$/,
    );
  });

  it("should leave out objects in Glacier or Deep Archive unless told they are restored", async () => {
    // Prepare
    aws.objects = [
      { ...object("incoming/cold.txt", "e1"), storageClass: "GLACIER" },
      { ...object("incoming/deep.txt", "e2"), storageClass: "DEEP_ARCHIVE" },
      { ...object("incoming/instant.txt", "e3"), storageClass: "GLACIER_IR" },
    ];
    // Act
    await backfill();
    const first = aws.processAccepted();
    await backfill({ includeArchived: true });
    // Assess
    expect(first).toEqual(["incoming/instant.txt"]);
    expect(lines[0]).toMatch(
      /1 to send; skipped 2 in Glacier Flexible Retrieval or Deep Archive \(restore them, then add --include-archived\)$/,
    );
    expect(aws.processAccepted()).toEqual(["incoming/cold.txt", "incoming/deep.txt"]);
  });

  it("should send again the entries SQS refuses, and report the ones it refuses for good", async () => {
    // Prepare
    aws.objects = Array.from({ length: 4 }, (_, i) => object(`incoming/${i}.txt`, `e${i}`));
    aws.refuse = (body, attempt) => {
      if (body.includes("incoming/1.txt") && attempt < 3)
        return { Id: "", Code: "InternalError", SenderFault: false };
      if (body.includes("incoming/2.txt"))
        return { Id: "", Code: "InvalidMessageContents", SenderFault: true };
      return undefined;
    };
    // Act
    const code = await backfill();
    // Assess
    const sent = aws.records().flatMap((r) => parseS3Notification(r).map((o) => o.key));
    expect(sent.sort()).toEqual(["incoming/0.txt", "incoming/1.txt", "incoming/3.txt"]);
    expect(code).toBe(1);
    expect(errors.join("\n")).toMatch(/1 not sent .*incoming\/2\.txt \(InvalidMessageContents\)/);
  });

  it("should print the count and a Translate estimate on --dry-run, and send nothing", async () => {
    // Prepare
    aws.objects = [object("incoming/a.txt", "e1", 1500), object("incoming/b.txt", "e2", 500)];
    // Act
    const code = await backfill({ dryRun: true });
    // Assess
    expect(code).toBe(0);
    expect(aws.sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
    expect(lines[0]).toMatch(/: 2 to send$/);
    expect(lines[1]).toBe(
      "Amazon Translate estimate: ≈ 4,000 characters, from 2,000 bytes of sources into es, fr (--to). An estimate, from object sizes: markup, boilerplate and multi-byte characters make the billed count lower.",
    );
    expect(lines.at(-1)).toBe("dry run: nothing sent");
  });

  it("should take the target languages of the estimate from cdk.json when --to is not given", async () => {
    // Prepare
    aws.objects = [object("incoming/a.txt", "e1", 1000)];
    const context = JSON.parse(readFileSync(join(import.meta.dirname, "../../cdk.json"), "utf8"))
      .context as Record<string, unknown>;
    const languages = targetLanguagesFromContext((key) => context[key]);
    // Act
    await backfill({ dryRun: true }, { targetLanguages: undefined });
    // Assess
    expect(languages.length).toBeGreaterThan(0);
    expect(lines[1]).toContain(
      `≈ ${(1000 * languages.length).toLocaleString("en-US")} characters, from 1,000 bytes of sources into ${languages.join(", ")} (cdk.json; --to to change)`,
    );
  });

  it("should count an upload's own target-languages in the estimate, and leave out one that would fail", async () => {
    // Prepare
    aws.objects = [
      { ...object("incoming/desk.txt", "e1", 1000), metadata: { "target-languages": "de,ja,ko" } },
      { ...object("incoming/bad.txt", "e2", 500), metadata: { "target-languages": "xx" } },
      object("incoming/plain.txt", "e3", 100),
    ];
    // Act
    await backfill({ dryRun: true });
    // Assess
    expect(lines[1]).toBe(
      "Amazon Translate estimate: ≈ 3,200 characters, from 1,600 bytes of sources into es, fr (--to); 1 upload names its own (target-languages metadata); 1 upload would fail on its target-languages metadata and is not counted. An estimate, from object sizes: markup, boilerplate and multi-byte characters make the billed count lower.",
    );
  });

  it("should say so when there is nothing left to send", async () => {
    // Prepare
    aws.objects = [object("incoming/a.txt", "e1")];
    aws.results.set(outputKey(articleIdFromKey("incoming/a.txt"), OUTPUT_FILES.manifest), "e1");
    // Act
    const code = await backfill();
    // Assess
    expect(code).toBe(0);
    expect(lines[1]).toBe(
      "nothing to send: the 1 object the pipeline reads here has results for its stored version already",
    );
    expect(aws.sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  it("should take --queue-url and --results-bucket without asking CloudFormation", async () => {
    // Prepare
    aws.objects = [object("incoming/a.txt", "e1")];
    // Act
    await backfill({}, { queueUrl: "https://q/other", resultsBucket: "other-results" });
    // Assess
    expect(aws.cloudFormation.commandCalls(DescribeStacksCommand)).toHaveLength(0);
    expect(aws.sqs.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.QueueUrl).toBe(
      "https://q/other",
    );
  });

  it("should refuse a stack without the queue output, and a bucket that is not the stack's ingest bucket", async () => {
    // Prepare
    const old = new FakeBackfillAws([{ OutputKey: "ResultsBucketName", OutputValue: "r" }]);
    // Act + Assess
    await expect(backfill()).rejects.toThrow(/has no output NormalizeQueueUrl .*--queue-url/);
    old.restore();
    aws = new FakeBackfillAws();
    await expect(backfill({ bucket: "someone-elses" })).rejects.toThrow(
      /--bucket someone-elses is not the ingest bucket of stack ArticlePipeline \(news-ingest\)/,
    );
  });
});
