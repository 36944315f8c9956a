import type { NormalizedArticle } from "../../contract/article";
import { OUTPUT_FILES } from "../../contract/keys";
import type { ArticleSummary } from "../../contract/summary";
import { summarizeArticle } from "../../summarize";
import type { TranslateJob } from "../ports";
import { readProvenance } from "../provenance";
import { recordedTargetLanguages } from "../upload-languages";
import { recordArticleFailure } from "./article-failure";
import { articleIdFromArticleKey } from "./article-key";
import { type ArticleOutputs, outputsOf } from "./article-outputs";
import type { StageOutcome, SummarizeContext } from "./context";
import { type Delivery, shouldRecordFailure } from "./delivery";
import { announceAgain, finalizeManifest } from "./manifest";
import { hasOutcome, readLanguageFiles } from "./translation-outputs";

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

export { articleIdFromArticleKey, NotAnArticleKeyError } from "./article-key";

/**
 * article.json → summary.json + summary.txt, then one translation job per target language of the article (as
 * article.json records them; or, with no target language, the manifest). On a redelivery whose summary exists,
 * only the jobs still missing an outcome are sent again, so a crash between writing the summary and sending the
 * jobs cannot strand it.
 */
export async function runSummarizeStage(
  ctx: SummarizeContext,
  input: SummarizeInput,
): Promise<SummarizeResult> {
  const started = ctx.now();
  const articleId = articleIdFromArticleKey(input.key);
  const result = (outcome: StageOutcome, jobsSent: string[] = []): SummarizeResult => ({
    articleId,
    outcome,
    jobsSent,
    durationMs: ctx.now().getTime() - started.getTime(),
  });

  // The one read before the door: article.json's own metadata names the source version the door is bound to.
  const stored = await ctx.store.get(ctx.config.resultsBucket, input.key);
  const provenance = readProvenance(stored?.metadata);
  if (!stored || !provenance) {
    ctx.logger.warn("article.json is gone or has no provenance: dropping the event");
    return result("stale");
  }
  const { source } = provenance;
  const outputs = outputsOf(ctx, articleId, source, started);
  if (await outputs.isCurrent(OUTPUT_FILES.manifest)) {
    ctx.logger.info("source version already finalized: skipping", { etag: source.etag });
    // With no target language summarize wrote the manifest: a previous delivery may have died before its
    // event, so a retry announces it again (at least once, as the manifest does for translate).
    if (input.delivery.isRetry) await announceAgain(ctx, outputs);
    return result("skipped");
  }

  // Done is both files (the .json first); a delivery that stopped between them renders the .txt again.
  const redelivered = await outputs.isCurrent(OUTPUT_FILES.summary);
  try {
    if (redelivered) {
      if (!(await outputs.isCurrent(OUTPUT_FILES.summaryText))) {
        const summary = await outputs.readJson<ArticleSummary>(OUTPUT_FILES.summary);
        await outputs.writeText(OUTPUT_FILES.summaryText, summary?.text ?? "");
      }
    } else {
      const article = JSON.parse(Buffer.from(stored.body).toString("utf8")) as NormalizedArticle;
      const summary = summarizeArticle(article, ctx.config.summaryLength);
      const provenance = {
        startedAt: started.toISOString(),
        durationMs: ctx.now().getTime() - started.getTime(),
      };
      await outputs.writeJson(OUTPUT_FILES.summary, summary, { provenance });
      await outputs.writeText(OUTPUT_FILES.summaryText, summary.text, { provenance });
      ctx.logger.info("article summarized", {
        key: outputs.key(OUTPUT_FILES.summary),
        sentences: summary.sentences.length,
      });
    }
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

  // The languages normalize decided for this version (the upload's own, or the deployment's then).
  const targets = recordedTargetLanguages(stored.metadata) ?? ctx.config.targetLanguages;
  const missing = redelivered ? await languagesWithoutOutcome(outputs, targets) : targets;
  if (missing.length === 0) {
    await finalizeManifest(ctx, outputs, targets, input.delivery);
    return result(redelivered ? "skipped" : "written");
  }
  // A first delivery that finds the summary done is a duplicate event (another delivery did the work and
  // sent the jobs, or is sending them now): sending again could bill a language twice. Only a retry of a
  // delivery that failed may have stopped between the summary and the jobs.
  if (redelivered && !input.delivery.isRetry) {
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
  outputs: ArticleOutputs,
  languages: readonly string[],
): Promise<string[]> {
  const files = await Promise.all(languages.map((lang) => readLanguageFiles(outputs, lang)));
  return languages.filter((_, i) => !hasOutcome(files[i] ?? "none"));
}
