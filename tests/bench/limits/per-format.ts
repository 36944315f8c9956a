/**
 * One row per input format for `npm run bench:limits`: each largest article normalized alone, in one capped
 * invocation of the normalize bundle, so that its peak and its time are its own (in the batch, records run one
 * after another in one process, and the batch's figures are the worst of them). A format fits when its peak
 * is within the stage's memory and its time within recordSeconds, the time the stage gives one record.
 */
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../../shared/contract/keys";
import { STAGE_RESOURCES } from "../../../shared/pipeline/resources";
import { s3Notification, sqsRecord } from "../../functions/fake-aws";
import { runCapped } from "./capped-run";
import type { FakeAws } from "./fake-aws";

export interface FormatRow {
  file: string;
  bytes: number;
  /** Characters of text in the article normalize wrote (0 when it wrote none). */
  textCharacters: number;
  peakRssMb: number;
  /** The invocation's CPU seconds scaled to Lambda's CPU share at the stage's memory. */
  seconds: number;
  recordSeconds: number;
  /** The error the article ended with, when normalize refused it. */
  error?: string;
  fits: boolean;
}

export async function formatRows(options: {
  aws: FakeAws;
  bucket: string;
  resultsBucket: string;
  articles: { name: string; body: Uint8Array }[];
  bundleFile: string;
  env: Record<string, string>;
  workDir: string;
}): Promise<FormatRow[]> {
  const { memoryMb, timeoutSeconds, recordSeconds } = STAGE_RESOURCES.normalize;
  const rows: FormatRow[] = [];
  for (const article of options.articles) {
    const key = `incoming/alone-${article.name}`;
    const etag = options.aws.putObject(options.bucket, key, Buffer.from(article.body));
    const body = JSON.stringify(s3Notification(options.bucket, key, etag, article.body.length));
    const result = await runCapped({
      stage: "normalize",
      bundleFile: options.bundleFile,
      event: { Records: [sqsRecord(`alone-${article.name}`, body, "normalize")] },
      memoryMb,
      timeoutSeconds,
      env: options.env,
      workDir: options.workDir,
      virtualWaitMs: () => 0,
    });
    const id = articleIdFromKey(key);
    const written = options.aws.object(options.resultsBucket, outputKey(id, OUTPUT_FILES.article));
    const refused = options.aws.object(options.resultsBucket, outputKey(id, OUTPUT_FILES.error));
    const stats = written ? JSON.parse(written.body.toString()).stats : undefined;
    const error = refused
      ? String(JSON.parse(refused.body.toString()).message ?? "error.json")
      : (result.killed ?? result.error ?? result.failureLog);
    const seconds = Math.round(result.scaledCpuSeconds * 10) / 10;
    rows.push({
      file: article.name,
      bytes: article.body.length,
      textCharacters: stats?.characters ?? 0,
      peakRssMb: result.peakRssMb,
      seconds,
      recordSeconds,
      ...(error ? { error: error.slice(0, 300) } : {}),
      fits: !result.killed && result.peakRssMb <= memoryMb && seconds <= recordSeconds,
    });
  }
  return rows;
}
