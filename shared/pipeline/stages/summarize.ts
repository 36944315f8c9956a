import type { NormalizedArticle } from "../../contract/article";
import { OUTPUT_FILES, outputKey, RESULTS_PREFIX } from "../../contract/keys";
import { InputError } from "../../errors";
import { summarizeArticle } from "../../summarize";
import type { TranslateJob } from "../ports";
import { isMadeFrom, provenanceMetadata, readProvenance, type SourceRef } from "../provenance";
import {
  type Delivery,
  JSON_TYPE,
  type StageOutcome,
  type SummarizeContext,
  shouldRecordFailure,
  TEXT_TYPE,
  toJson,
} from "./context";
import { finalizeManifest, recordArticleFailure } from "./finalize";
import { hasOutcome, headTranslation } from "./translation-outputs";

/** One object-created notification for results/<id>/article.json (key already decoded). */
export interface SummarizeInput {
  key: string;
  delivery: Delivery;
}

export interface SummarizeResult {
  articleId: string;
  outcome: StageOutcome;
  /** Languages a translation job was sent for. */
  jobsSent: string[];
  durationMs: number;
}

/** The key is not results/<id>/article.json: the routing and the event disagree. */
export class NotAnArticleKeyError extends InputError {}

export function articleIdFromArticleKey(key: string): string {
  const suffix = `/${OUTPUT_FILES.article}`;
  if (!key.startsWith(RESULTS_PREFIX) || !key.endsWith(suffix)) {
    throw new NotAnArticleKeyError(`not a ${RESULTS_PREFIX}<id>${suffix} key`, key);
  }
  return key.slice(RESULTS_PREFIX.length, -suffix.length);
}

/**
 * article.json → summary.json + summary.txt, then one translation job per target language (or, with no
 * target language, the manifest). On a redelivery whose summary exists, only the jobs still missing an
 * outcome are sent again, so a crash between writing the summary and sending the jobs cannot strand it.
 */
export async function runSummarizeStage(
  ctx: SummarizeContext,
  input: SummarizeInput,
): Promise<SummarizeResult> {
  const started = ctx.now();
  const articleId = articleIdFromArticleKey(input.key);
  const bucket = ctx.config.resultsBucket;
  const result = (outcome: StageOutcome, jobsSent: string[] = []): SummarizeResult => ({
    articleId,
    outcome,
    jobsSent,
    durationMs: ctx.now().getTime() - started.getTime(),
  });

  const stored = await ctx.store.get(bucket, input.key);
  const provenance = readProvenance(stored?.metadata);
  if (!stored || !provenance) {
    ctx.logger.warn("article.json is gone or has no provenance: dropping the event");
    return result("stale");
  }
  const { source } = provenance;
  const manifest = await ctx.store.head(bucket, outputKey(articleId, OUTPUT_FILES.manifest));
  if (isMadeFrom(manifest, source.etag)) {
    ctx.logger.info("source version already finalized: skipping", { etag: source.etag });
    // With no target language summarize wrote the manifest: a previous delivery may have died before its
    // event, so a redelivery announces it again (at least once, as finalizeManifest does for translate).
    if (input.delivery.attempt > 1) {
      await finalizeManifest(ctx, {
        articleId,
        source,
        targetLanguages: ctx.config.targetLanguages,
        delivery: input.delivery,
      });
    }
    return result("skipped");
  }

  const summaryKey = outputKey(articleId, OUTPUT_FILES.summary);
  const redelivered = isMadeFrom(await ctx.store.head(bucket, summaryKey), source.etag);
  if (!redelivered) {
    try {
      const article = JSON.parse(Buffer.from(stored.body).toString("utf8")) as NormalizedArticle;
      const summary = summarizeArticle(article, ctx.config.summaryLength);
      const metadata = provenanceMetadata({
        source,
        startedAt: started.toISOString(),
        durationMs: ctx.now().getTime() - started.getTime(),
      });
      // The text first: summary.json is what marks the stage done, so it must be the last write.
      await ctx.store.put(bucket, outputKey(articleId, OUTPUT_FILES.summaryText), summary.text, {
        contentType: TEXT_TYPE,
        metadata,
      });
      await ctx.store.put(bucket, summaryKey, toJson(summary), {
        contentType: JSON_TYPE,
        metadata,
      });
      ctx.logger.info("article summarized", {
        key: summaryKey,
        sentences: summary.sentences.length,
      });
    } catch (error) {
      if (!shouldRecordFailure(error, input.delivery)) throw error;
      ctx.logger.warn("article cannot be summarized: recording the failure", { error });
      await recordArticleFailure(ctx, {
        stage: "summarize",
        articleId,
        source,
        error,
        startedAt: started,
        outputs: { article: input.key },
      });
      return result("failed");
    }
  }

  const targets = ctx.config.targetLanguages;
  const finalizeInput = { articleId, source, targetLanguages: targets, delivery: input.delivery };
  const missing = redelivered
    ? await languagesWithoutOutcome(ctx, articleId, source, targets)
    : targets;
  if (missing.length === 0) {
    await finalizeManifest(ctx, finalizeInput);
    return result(redelivered ? "skipped" : "written");
  }
  // A first delivery that finds the summary done is a duplicate event (another delivery did the work and
  // sent the jobs, or is sending them now): sending again could bill a language twice. Only a retry of a
  // delivery that failed (attempt > 1) may have stopped between the summary and the jobs.
  if (redelivered && input.delivery.attempt <= 1) {
    ctx.logger.info("summary already written by another delivery: not resending jobs", { missing });
    return result("skipped");
  }
  const jobs: TranslateJob[] = missing.map((targetLanguage) => ({
    articleId,
    source,
    targetLanguage,
    targetLanguages: [...targets],
  }));
  await ctx.queue.send(jobs);
  return result(redelivered ? "skipped" : "written", missing);
}

async function languagesWithoutOutcome(
  ctx: SummarizeContext,
  articleId: string,
  source: SourceRef,
  languages: readonly string[],
): Promise<string[]> {
  const bucket = ctx.config.resultsBucket;
  const checks = await Promise.all(
    languages.map(async (lang) => {
      const heads = await headTranslation(ctx.store, bucket, articleId, lang);
      return hasOutcome(heads, source.etag) ? undefined : lang;
    }),
  );
  return checks.filter((lang): lang is string => lang !== undefined);
}
