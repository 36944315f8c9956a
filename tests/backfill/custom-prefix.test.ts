/**
 * A backfill of an ArticlePipeline construct deployed on an ingest prefix of its own (`incomingPrefix`): the
 * stack's IncomingPrefix output says where to list, what --prefix may be, and which keys the pipeline reads;
 * the results the normalize stage wrote for such keys are found, so a re-run skips them.
 */
import { readFileSync } from "node:fs";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseS3Notification } from "../../functions/common/events";
import { backfillOnAws } from "../../infra/backfill/aws";
import type { Io } from "../../infra/backfill/io";
import type { BackfillRequest } from "../../infra/backfill/options";
import { parseConfig } from "../../shared/pipeline/config";
import { bareEtag, readProvenance } from "../../shared/pipeline/provenance";
import { delivery } from "../../shared/pipeline/stages/delivery";
import { runNormalizeStage } from "../../shared/pipeline/stages/normalize";
import { SAMPLE_TXT } from "../e2e/helpers";
import { MemoryStore } from "../support/memory-store";
import { FakeBackfillAws, type FakeObject, INGEST, QUEUE_URL, REGION, RESULTS } from "./fake-aws";

const PREFIX = "exports/articles/";
const STACK = [
  { OutputKey: "IngestBucketName", OutputValue: INGEST },
  { OutputKey: "ResultsBucketName", OutputValue: RESULTS },
  { OutputKey: "NormalizeQueueUrl", OutputValue: QUEUE_URL },
  { OutputKey: "IncomingPrefix", OutputValue: PREFIX },
];

let aws: FakeBackfillAws;
let lines: string[];
const io: Io = { out: (line) => lines.push(line), err: () => {} };

const object = (key: string, etag = "e1"): FakeObject => ({
  key,
  etag,
  size: 100,
  lastModified: new Date(Date.UTC(2024, 0, 10)),
});

function backfill(extra: Partial<BackfillRequest> = {}, flags: Record<string, unknown> = {}) {
  return backfillOnAws(
    {
      request: { bucket: INGEST, dryRun: false, ...extra },
      aws: { stackName: "Newsroom", region: REGION, targetLanguages: ["de"], ...flags },
    },
    io,
    { sleep: async () => {} },
  );
}

const sentKeys = () => aws.records().flatMap((r) => parseS3Notification(r).map((o) => o.key));

/** Runs the real normalize stage on one source; returns the results keys it wrote with their provenance etag. */
async function normalizeOnce(
  key: string,
  body: string,
): Promise<{ etag: string; results: Map<string, string> }> {
  const store = new MemoryStore();
  const { etag } = await store.put(INGEST, key, body);
  const ctx = {
    store,
    events: { publishArticleProcessed: async () => {} },
    config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "de" }),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    now: () => new Date(),
  };
  await runNormalizeStage(ctx, {
    bucket: INGEST,
    key,
    etag,
    size: body.length,
    delivery: delivery(1, 5),
  });
  const results = new Map<string, string>();
  for (const id of store.objects.keys()) {
    if (!id.startsWith(`${RESULTS}/`)) continue;
    const written = id.slice(RESULTS.length + 1);
    const provenance = readProvenance((await store.head(RESULTS, written))?.metadata);
    if (provenance) results.set(written, provenance.source.etag);
  }
  return { etag: bareEtag(etag), results };
}

beforeEach(() => {
  aws = new FakeBackfillAws(STACK);
  lines = [];
});

afterEach(() => aws.restore());

describe("npm run backfill on a pipeline with its own ingest prefix (AWS)", () => {
  it("should list and send the keys under the stack's IncomingPrefix output when no --prefix is given", async () => {
    // Prepare
    aws.objects = [
      object(`${PREFIX}a.txt`),
      object(`${PREFIX}desk/b.md`),
      object("incoming/not-this-pipeline.txt"),
      object("exports/images/c.txt"),
    ];
    // Act
    const code = await backfill();
    // Assess
    expect(code).toBe(0);
    expect(aws.s3.commandCalls(ListObjectsV2Command)[0]?.args[0].input.Prefix).toBe(PREFIX);
    expect(sentKeys()).toEqual([`${PREFIX}a.txt`, `${PREFIX}desk/b.md`]);
    expect(lines[0]).toBe(`listed 2 objects under s3://${INGEST}/${PREFIX}: 2 to send`);
  });

  it("should take a --prefix below the ingest prefix, and count the keys of a --prefix above it as outside", async () => {
    // Prepare
    aws.objects = [
      object(`${PREFIX}2024/a.txt`),
      object(`${PREFIX}2023/b.txt`),
      object("exports/images/c.txt"),
    ];
    // Act
    await backfill({ prefix: `${PREFIX}2024/` });
    const below = aws.processAccepted();
    await backfill({ prefix: "exports/" });
    // Assess
    expect(below).toEqual([`${PREFIX}2024/a.txt`]);
    expect(sentKeys()).toEqual([`${PREFIX}2023/b.txt`]);
    expect(lines.at(-2)).toMatch(
      /^listed 3 objects under s3:\/\/news-ingest\/exports\/: 1 to send; skipped 1 already processed .*, 1 outside the pipeline's prefix$/,
    );
  });

  it("should refuse a --prefix outside the stack's ingest prefix before listing anything", async () => {
    // Prepare
    aws.objects = [object("incoming/a.txt")];
    // Act + Assess
    await expect(backfill({ prefix: "incoming/" })).rejects.toThrow(
      `--prefix "incoming/" is outside "${PREFIX}" (stack Newsroom's IncomingPrefix output): the pipeline only processes objects under ${PREFIX}`,
    );
    expect(aws.s3.commandCalls(ListObjectsV2Command)).toHaveLength(0);
    expect(aws.sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  it("should skip objects whose results the normalize stage wrote for their custom-prefix key", async () => {
    // Prepare: the real stage normalizes one article (article.json) and fails one (error.json + manifest).
    const good = await normalizeOnce(
      `${PREFIX}desk/Harbour strike.txt`,
      readFileSync(SAMPLE_TXT, "utf8"),
    );
    const bad = await normalizeOnce(`${PREFIX}desk/empty.txt`, "");
    for (const { results } of [good, bad]) {
      for (const [key, etag] of results) aws.results.set(key, etag);
    }
    aws.objects = [
      object(`${PREFIX}desk/Harbour strike.txt`, good.etag),
      object(`${PREFIX}desk/empty.txt`, bad.etag),
      object(`${PREFIX}desk/new.txt`),
    ];
    // Act
    await backfill();
    // Assess
    expect([...good.results.keys()].some((key) => key.endsWith("/article.json"))).toBe(true);
    expect([...bad.results.keys()].some((key) => key.endsWith("/manifest.json"))).toBe(true);
    expect(sentKeys()).toEqual([`${PREFIX}desk/new.txt`]);
    expect(lines[0]).toBe(
      `listed 3 objects under s3://${INGEST}/${PREFIX}: 1 to send; skipped 1 already processed (manifest for the stored version), 1 in progress (article.json for the stored version, no manifest yet)`,
    );
  });

  it("should refuse an --incoming-prefix that is not the stack's, and use it for a stack without the output", async () => {
    // Prepare
    aws.objects = [object(`${PREFIX}a.txt`)];
    // Act + Assess
    await expect(backfill({}, { incomingPrefix: "incoming/" })).rejects.toThrow(
      /--incoming-prefix "incoming\/" is not the ingest prefix of stack Newsroom \("exports\/articles\/", its IncomingPrefix output\)/,
    );
    aws.restore();
    aws = new FakeBackfillAws(STACK.slice(0, 3));
    aws.objects = [object(`${PREFIX}a.txt`)];
    await backfill({}, { incomingPrefix: PREFIX });
    expect(sentKeys()).toEqual([`${PREFIX}a.txt`]);
  });

  it("should say where the default ingest prefix came from when a stack has no IncomingPrefix output", async () => {
    // Prepare
    aws.restore();
    aws = new FakeBackfillAws(STACK.slice(0, 3));
    // Act + Assess
    await expect(backfill({ prefix: PREFIX })).rejects.toThrow(
      /outside "incoming\/" \(the default ingest prefix; stack Newsroom has no IncomingPrefix output: pass --incoming-prefix\)/,
    );
  });

  it("should take the ingest prefix from --incoming-prefix with --queue-url and --results-bucket", async () => {
    // Prepare
    aws.objects = [object(`${PREFIX}a.txt`), object("incoming/b.txt")];
    // Act
    await backfill(
      { prefix: "" },
      { queueUrl: QUEUE_URL, resultsBucket: RESULTS, incomingPrefix: PREFIX },
    );
    // Assess
    expect(sentKeys()).toEqual([`${PREFIX}a.txt`]);
    expect(lines[0]).toMatch(/: 1 to send; skipped 1 outside the pipeline's prefix$/);
  });
});
