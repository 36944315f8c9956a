/**
 * Drives articles through a running local stack the way a user would: PUT into incoming/ over the S3 API,
 * then wait for the "Article Processed" events (or for the queues to drain, for articles that never finish).
 * Used by `npm start`, the e2e tests and the e2e benchmark.
 */

import { readFile } from "node:fs/promises";
import { DeleteObjectsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { articleIdFromKey, RESULTS_PREFIX } from "../../shared/contract/keys";
import type { ArticleProcessedDetail } from "../../shared/contract/manifest";
import { bareEtag } from "../../shared/pipeline/provenance";
import type { SourceFile } from "./cli/files";
import type { LocalStack } from "./stack";

export interface ArticleRun {
  file: SourceFile;
  articleId: string;
  /** The uploaded version's etag (bare). */
  etag: string;
  /** ms since the epoch: when its upload started and when its manifest's event arrived. */
  uploadStartedAt: number;
  finishedAt?: number;
  /** Undefined when no manifest was written: the message is in the dead-letter folder or still retrying. */
  detail?: ArticleProcessedDetail;
  /** Why the endpoint refused the upload (e.g. S3's KeyTooLongError); the other files' runs go on. */
  uploadError?: string;
}

export interface RunOptions {
  /** Uploads in flight at once. */
  uploadConcurrency?: number;
  /**
   * Delete the articles' earlier outputs first, so the run recomputes them (the pipeline skips a source
   * version it has already processed; a CLI run is a request to process again, e.g. with other flags).
   */
  fresh?: boolean;
  onArticleDone?: (run: ArticleRun) => void;
  onUploaded?: (run: ArticleRun) => void;
}

export async function runArticles(
  stack: LocalStack,
  files: readonly SourceFile[],
  options: RunOptions = {},
): Promise<ArticleRun[]> {
  const runs = files.map<ArticleRun>((file) => ({
    file,
    articleId: articleIdFromKey(file.key),
    etag: "",
    uploadStartedAt: 0,
  }));
  const byKey = new Map(runs.map((run) => [run.file.key, run]));
  if (options.fresh ?? true) {
    for (const run of runs) await deleteOutputs(stack, run.articleId);
  }
  // Events that arrive before their PUT's response (and so before the run knows its etag).
  const early = new Map<string, ArticleProcessedDetail[]>();
  const settle = (run: ArticleRun, detail: ArticleProcessedDetail, at: number) => {
    // An event for an older upload of the same key (a previous run's retry) is not this run's answer.
    if (run.detail || bareEtag(detail.source.etag) !== run.etag) return;
    run.detail = detail;
    run.finishedAt = at;
    options.onArticleDone?.(run);
  };
  const unsubscribe = stack.events.onArticleProcessed((detail) => {
    const run = byKey.get(detail.source.key);
    if (!run) return;
    if (run.etag) settle(run, detail, Date.now());
    else early.set(run.file.key, [...(early.get(run.file.key) ?? []), detail]);
  });
  try {
    await forEachLimited(runs, options.uploadConcurrency ?? 4, async (run) => {
      const body = await readFile(run.file.path);
      run.uploadStartedAt = Date.now();
      let response: { ETag?: string };
      try {
        response = await stack.client.send(
          new PutObjectCommand({ Bucket: stack.buckets.ingest, Key: run.file.key, Body: body }),
        );
      } catch (error) {
        run.uploadError =
          error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return;
      }
      run.etag = bareEtag(response.ETag ?? "");
      options.onUploaded?.(run);
      for (const detail of early.get(run.file.key) ?? []) settle(run, detail, Date.now());
    });
    // Every object's event was queued before its PUT returned, so once the queues drain all is done.
    await stack.queues.idle();
  } finally {
    unsubscribe();
  }
  return runs;
}

async function deleteOutputs(stack: LocalStack, articleId: string): Promise<void> {
  const keys = await stack.store.list(stack.buckets.results, `${RESULTS_PREFIX}${articleId}/`);
  for (let i = 0; i < keys.length; i += 1000) {
    await stack.client.send(
      new DeleteObjectsCommand({
        Bucket: stack.buckets.results,
        Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
      }),
    );
  }
}

export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const slots = pLimit(limit);
  await Promise.all(items.map((item) => slots(() => work(item))));
}
