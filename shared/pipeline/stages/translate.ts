import type { NormalizedArticle } from "../../contract/article";
import { OUTPUT_FILES, outputKey } from "../../contract/keys";
import type { ErrorRecord } from "../../contract/manifest";
import type { ArticleSummary } from "../../contract/summary";
import { SCHEMA_VERSION } from "../../contract/version";
import { renderTranslationText, translateArticle } from "../../translate";
import type { StoredObject, TranslateJob } from "../ports";
import { isMadeFrom, provenanceMetadata } from "../provenance";
import {
  type Delivery,
  errorMessage,
  errorName,
  JSON_TYPE,
  type StageOutcome,
  shouldRecordFailure,
  TEXT_TYPE,
  type TranslateContext,
  toJson,
} from "./context";
import { type FinalizeResult, finalizeManifest } from "./finalize";

export interface TranslateInput {
  job: TranslateJob;
  delivery: Delivery;
}

export interface TranslateResult {
  articleId: string;
  language: string;
  outcome: StageOutcome;
  /** Characters sent to the engine by this delivery (0 when skipped: a duplicate bills nothing). */
  charactersBilled: number;
  durationMs: number;
  finalize?: FinalizeResult["outcome"];
}

/**
 * One language of one article version → translations/<lang>.json + .txt, or translations/<lang>.error.json
 * when that language fails for good (the others are unaffected). Then, if this was the last language
 * without an outcome, the manifest.
 */
export async function runTranslateStage(
  ctx: TranslateContext,
  input: TranslateInput,
): Promise<TranslateResult> {
  const started = ctx.now();
  const { job, delivery } = input;
  const { articleId, source, targetLanguage: lang } = job;
  const bucket = ctx.config.resultsBucket;
  const key = (file: string) => outputKey(articleId, file);
  let charactersBilled = 0;
  const result = async (outcome: StageOutcome): Promise<TranslateResult> => {
    const base = {
      articleId,
      language: lang,
      outcome,
      charactersBilled,
      durationMs: ctx.now().getTime() - started.getTime(),
    };
    if (outcome === "stale") return base;
    const finalized = await finalizeManifest(ctx, {
      articleId,
      source,
      targetLanguages: job.targetLanguages,
      delivery,
    });
    return { ...base, finalize: finalized.outcome };
  };

  const [json, failed] = await Promise.all([
    ctx.store.head(bucket, key(OUTPUT_FILES.translationJson(lang))),
    ctx.store.head(bucket, key(OUTPUT_FILES.translationError(lang))),
  ]);
  if (isMadeFrom(json, source.etag) || isMadeFrom(failed, source.etag)) {
    ctx.logger.info("language already has an outcome for this version: skipping", { lang });
    return result("skipped");
  }

  const [articleObject, summaryObject] = await Promise.all([
    ctx.store.get(bucket, key(OUTPUT_FILES.article)),
    ctx.store.get(bucket, key(OUTPUT_FILES.summary)),
  ]);
  // A re-upload replaced the article since this job was sent; the new version sent its own jobs.
  if (!isMadeFrom(articleObject, source.etag) || !isMadeFrom(summaryObject, source.etag)) {
    ctx.logger.warn("job belongs to a superseded source version: dropping it", { lang });
    return { articleId, language: lang, outcome: "stale", charactersBilled: 0, durationMs: 0 };
  }
  const article = parse<NormalizedArticle>(articleObject);
  const summary = parse<ArticleSummary>(summaryObject);

  try {
    const translation = await translateArticle({
      article,
      summary,
      targetLanguage: lang,
      translator: ctx.translator,
    });
    charactersBilled = translation.charactersBilled;
    const metadata = provenanceMetadata({
      source,
      startedAt: started.toISOString(),
      durationMs: ctx.now().getTime() - started.getTime(),
    });
    // The .txt first: the .json marks the language done, so it is the last write.
    await ctx.store.put(
      bucket,
      key(OUTPUT_FILES.translationText(lang)),
      renderTranslationText(translation),
      {
        contentType: TEXT_TYPE,
        metadata,
      },
    );
    await ctx.store.put(bucket, key(OUTPUT_FILES.translationJson(lang)), toJson(translation), {
      contentType: JSON_TYPE,
      metadata,
    });
    ctx.logger.info("article translated", {
      lang,
      engine: translation.engine,
      charactersBilled,
      requests: translation.requests,
    });
    return result("written");
  } catch (error) {
    if (!shouldRecordFailure(error, delivery)) throw error;
    ctx.logger.warn("translation failed for good: recording it for this language", { lang, error });
    const now = ctx.now();
    const record: ErrorRecord = {
      schemaVersion: SCHEMA_VERSION,
      articleId,
      stage: "translate",
      errorType: errorName(error),
      message: errorMessage(error),
      source,
      language: lang,
      at: now.toISOString(),
    };
    await ctx.store.put(bucket, key(OUTPUT_FILES.translationError(lang)), toJson(record), {
      contentType: JSON_TYPE,
      metadata: provenanceMetadata({
        source,
        startedAt: started.toISOString(),
        durationMs: now.getTime() - started.getTime(),
      }),
    });
    return result("failed");
  }
}

function parse<T>(object: StoredObject | undefined): T {
  if (!object) throw new Error("object vanished after its HEAD");
  return JSON.parse(Buffer.from(object.body).toString("utf8")) as T;
}
