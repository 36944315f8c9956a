import type { NormalizedArticle } from "../../contract/article";
import { OUTPUT_FILES, outputKey } from "../../contract/keys";
import type { ErrorRecord } from "../../contract/manifest";
import type { ArticleSummary } from "../../contract/summary";
import type { ArticleTranslation } from "../../contract/translation";
import { SCHEMA_VERSION } from "../../contract/version";
import { renderTranslationText, translateArticle } from "../../translate";
import type { PutOptions, StoredObject, TranslateJob } from "../ports";
import { isMadeFrom, provenanceMetadata, readProvenance } from "../provenance";
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
import { claimTranslation, type HeldClaim, TranslationClaimedError } from "./translation-claim";
import {
  type LoadedMemory,
  loadTranslationMemory,
  type MemoryScope,
  saveTranslationMemory,
} from "./translation-memory";
import { hasOutcome, headTranslation } from "./translation-outputs";
import { withWriteRetry } from "./write-retry";

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

  const heads = await headTranslation(ctx.store, bucket, articleId, lang);
  if (hasOutcome(heads, source.etag)) {
    ctx.logger.info("language already has an outcome for this version: skipping", { lang });
    return result("skipped");
  }
  // The paid translation is stored but its .txt is not (the delivery stopped between the two writes).
  if (isMadeFrom(heads.json, source.etag)) {
    await rebuildText(ctx, job, started);
    ctx.logger.info("translation text rebuilt from the stored translation", { lang });
    return result("written");
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

  // Outside the try below: a busy claim is never this language's failure, only a reason to come back later.
  const claim = await claimOrAwaitHolder(ctx, job);
  if (claim === "holder-finished") {
    ctx.logger.info("another delivery translated this language meanwhile: skipping", { lang });
    return result("skipped");
  }
  const memoryScope: MemoryScope = { store: ctx.store, bucket, articleId, language: lang, source };
  const loaded = await loadTranslationMemory(memoryScope);
  try {
    const translated = await translateArticle({
      article,
      summary,
      targetLanguage: lang,
      translator: ctx.translator,
      memory: loaded.memory,
    });
    charactersBilled = translated.charactersBilled;
    // The record states what the language cost across every delivery, as the invoice will.
    const translation: ArticleTranslation = {
      ...translated,
      charactersBilled: loaded.billedBefore.charactersBilled + translated.charactersBilled,
      requests: loaded.billedBefore.requests + translated.requests,
    };
    const metadata = provenanceMetadata({
      source,
      startedAt: started.toISOString(),
      durationMs: ctx.now().getTime() - started.getTime(),
    });
    // The .json first: it is the durable record of what was paid for, and the .txt can be rebuilt from it.
    await writeOutput(ctx, key(OUTPUT_FILES.translationJson(lang)), toJson(translation), {
      contentType: JSON_TYPE,
      metadata,
    });
    await writeOutput(
      ctx,
      key(OUTPUT_FILES.translationText(lang)),
      renderTranslationText(translation),
      {
        contentType: TEXT_TYPE,
        metadata,
      },
    );
    ctx.logger.info("article translated", {
      lang,
      engine: translation.engine,
      charactersBilled,
      requests: translation.requests,
    });
  } catch (error) {
    if (!shouldRecordFailure(error, delivery)) {
      // Before the claim is released: the next delivery must find what this one already paid for.
      await saveMemory(ctx, memoryScope, loaded, started);
      await releaseClaim(ctx, claim);
      throw error;
    }
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
    await writeOutput(ctx, key(OUTPUT_FILES.translationError(lang)), toJson(record), {
      contentType: JSON_TYPE,
      metadata: provenanceMetadata({
        source,
        startedAt: started.toISOString(),
        durationMs: now.getTime() - started.getTime(),
      }),
    });
    return result("failed");
  }
  // Outside the try: a manifest or report that cannot be written yet is not a failed translation.
  return result("written");
}

/** A write after a paid translation: a few cheap in-process attempts before a redelivery that bills again. */
function writeOutput(
  ctx: TranslateContext,
  key: string,
  body: string,
  options: PutOptions,
): Promise<unknown> {
  return withWriteRetry(
    () => ctx.store.put(ctx.config.resultsBucket, key, body, options),
    (attempt, error) =>
      ctx.logger.warn("output write failed: retrying it", { key, attempt, error }),
  );
}

/** The .txt from the stored .json: no Translate call, same bytes as the first delivery would have written. */
async function rebuildText(ctx: TranslateContext, job: TranslateJob, started: Date): Promise<void> {
  const bucket = ctx.config.resultsBucket;
  const stored = await ctx.store.get(
    bucket,
    outputKey(job.articleId, OUTPUT_FILES.translationJson(job.targetLanguage)),
  );
  const translation = parse<ArticleTranslation>(stored);
  const recorded = readProvenance(stored?.metadata);
  const text = renderTranslationText(translation);
  await writeOutput(
    ctx,
    outputKey(job.articleId, OUTPUT_FILES.translationText(job.targetLanguage)),
    text,
    {
      contentType: TEXT_TYPE,
      metadata: provenanceMetadata({
        source: job.source,
        startedAt: recorded?.startedAt || started.toISOString(),
        durationMs: recorded?.durationMs ?? ctx.now().getTime() - started.getTime(),
      }),
    },
  );
}

/**
 * Pauses between looks at a job another delivery holds: ~15 s in all. Waiting here, not in the queue, lets a
 * copy end as a plain skip once the holder is done (a redelivery would count as a retry and announce the
 * article again); only a holder still busy after that makes the copy fail and come back later.
 */
const CLAIM_WAITS_MS = [
  100, 200, 400, 800, 1000, 1000, 1000, 1500, 2000, 2000, 2000, 2000,
] as const;

async function claimOrAwaitHolder(
  ctx: TranslateContext,
  job: TranslateJob,
): Promise<HeldClaim | "holder-finished"> {
  const bucket = ctx.config.resultsBucket;
  const scope = {
    store: ctx.store,
    bucket,
    articleId: job.articleId,
    language: job.targetLanguage,
    source: job.source,
    now: ctx.now,
  };
  for (const waitMs of [...CLAIM_WAITS_MS, undefined]) {
    try {
      return await claimTranslation(scope);
    } catch (error) {
      if (!(error instanceof TranslationClaimedError) || waitMs === undefined) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const heads = await headTranslation(ctx.store, bucket, job.articleId, job.targetLanguage);
    if (hasOutcome(heads, job.source.etag)) return "holder-finished";
  }
  throw new Error("unreachable: the last claim attempt either returns or throws");
}

/** Best effort: a memory not saved only makes the next delivery pay again, and must not hide the failure. */
async function saveMemory(
  ctx: TranslateContext,
  scope: MemoryScope,
  loaded: LoadedMemory,
  started: Date,
): Promise<void> {
  try {
    const saved = await saveTranslationMemory(scope, loaded, {
      startedAt: started.toISOString(),
      durationMs: ctx.now().getTime() - started.getTime(),
    });
    if (saved) {
      ctx.logger.info("translation progress saved for the next delivery", {
        lang: scope.language,
        requests: loaded.memory.translations.size,
      });
    }
  } catch (error) {
    ctx.logger.warn("translation progress could not be saved; the next delivery pays again", {
      error,
    });
  }
}

/** Best effort: a claim left behind only delays the next delivery until it is stale. */
async function releaseClaim(ctx: TranslateContext, claim: HeldClaim): Promise<void> {
  try {
    await claim.release();
  } catch (error) {
    ctx.logger.warn("translation claim could not be released; it expires on its own", { error });
  }
}

function parse<T>(object: StoredObject | undefined): T {
  if (!object) throw new Error("object vanished after its HEAD");
  return JSON.parse(Buffer.from(object.body).toString("utf8")) as T;
}
