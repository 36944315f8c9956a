/**
 * A batch of large articles, through the normalize Lambda bundle in a process held to the stage's memory
 * (the harness of `npm run bench:limits`, at a small scale): the batch peaks where one article peaks,
 * because records run one after the other (with Powertools' default, side by side, this test fails).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SQSRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLambdaPackage, LAMBDA_NODE_OPTIONS, stageEntry } from "../../infra/aws/bundling";
import { ENV } from "../../shared/pipeline/config";
import { routeOf } from "../../shared/pipeline/routing";
import { runCapped } from "../bench/limits/capped-run";
import { FakeAws } from "../bench/limits/fake-aws";
import { largestArticles } from "../bench/limits/inputs";
import { s3Notification, sqsRecord } from "../functions/fake-aws";

const ARTICLE_BYTES = 1024 * 1024;
const BATCH = 8;

let workDir: string;
let bundleFile: string;
const aws = new FakeAws();
let env: Record<string, string>;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "batch-memory-"));
  const built = await buildLambdaPackage({
    entry: stageEntry("normalize"),
    outDir: join(workDir, "normalize"),
  });
  bundleFile = built.bundleFile;
  const endpoint = await aws.start();
  env = {
    PATH: process.env.PATH ?? "",
    NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
    AWS_LAMBDA_FUNCTION_NAME: "batch-memory",
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoint,
    POWERTOOLS_TRACE_ENABLED: "false",
    POWERTOOLS_LOG_LEVEL: "ERROR",
    [ENV.resultsBucket]: "results",
    [ENV.maxInputBytes]: String(ARTICLE_BYTES),
  };
}, 120_000);

afterAll(async () => {
  await aws.stop();
  rmSync(workDir, { recursive: true, force: true });
});

function records(count: number, prefix: string): SQSRecord[] {
  const [txt] = largestArticles(ARTICLE_BYTES);
  return Array.from({ length: count }, (_, i) => {
    const key = `incoming/${prefix}-${i}.txt`;
    const body = Buffer.from(txt?.body ?? new Uint8Array());
    const etag = aws.putObject("ingest", key, body);
    return sqsRecord(
      `${prefix}-${i}`,
      JSON.stringify(s3Notification("ingest", key, etag, body.length)),
      "normalize",
    );
  });
}

describe("a batch of large articles on the normalize Lambda", () => {
  it("should peak no higher than one article does, within the stage's memory", async () => {
    // Prepare
    const { memoryMb, timeoutSeconds } = routeOf("normalize").queue;
    const run = (batch: SQSRecord[]) =>
      runCapped({
        stage: "normalize",
        bundleFile,
        event: { Records: batch },
        memoryMb,
        timeoutSeconds,
        env,
        workDir,
        virtualWaitMs: () => 0,
      });
    // Act
    const one = await run(records(1, "one"));
    const many = await run(records(BATCH, "many"));
    // Assess
    expect(one.killed).toBeUndefined();
    expect(many.killed).toBeUndefined();
    expect(many.response?.batchItemFailures).toEqual([]);
    expect(many.peakRssMb).toBeLessThanOrEqual(memoryMb);
    expect(many.peakRssMb).toBeLessThan(one.peakRssMb + 60);
  }, 180_000);
});
