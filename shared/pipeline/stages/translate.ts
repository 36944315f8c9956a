/**
 * One language of one article version → translations/<lang>.json + .txt, or translations/<lang>.error.json
 * when that language fails for good (the others are unaffected). Then, as a separate explicit step, the
 * manifest if this was the last language without an outcome. The job's states and when a delivery pays
 * Amazon Translate are drawn in translate-job.ts.
 */
import type { NormalizedArticle } from "../../contract/article";
import { OUTPUT_FILES } from "../../contract/keys";
import type { ArticleSummary } from "../../contract/summary";
import type { ArticleTranslation } from "../../contract/translation";
import {
  type PartialArticleTranslation,
  partialArticleTranslationOf,
  renderTranslationText,
  translateArticle,
} from "../../translate";
import type { TranslateJob } from "../ports";
import { readProvenance } from "../provenance";
import { type ArticleOutputs, outputsOf } from "./article-outputs";
import type { StageOutcome, TranslateContext } from "./context";
import { NO_DEADLINE, stopBefore } from "./deadline";
import { type Delivery, shouldRecordFailure } from "./delivery";
import { recordLanguageFailure } from "./language-failure";
import { type FinalizeResult, finalizeManifest } from "./manifest";
import { JOB_STATE, STOP_SENDING_RESERVE_MS } from "./translate-job";
import { awaitJobTurn } from "./translate-turn";
import type { HeldClaim } from "./translation-claim";
import {
  loadTranslationMemory,
  remember,
  saveTranslationMemory,
  type TranslationMemory,
} from "./translation-memory";

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

interface JobRun {
  outcome: StageOutcome;
  charactersBilled: number;
}

export async function runTranslateStage(
  ctx: TranslateContext,
  input: TranslateInput,
): Promise<TranslateResult> {
  const started = ctx.now();
  const { job, delivery } = input;
  const outputs = outputsOf(ctx, job.articleId, job.source, started);
  const run = await runJob(ctx, outputs, job, delivery);
  // Outside the job: a manifest or report that cannot be written yet is not a failed translation.
  const finalized =
    run.outcome === "stale"
      ? undefined
      : await finalizeManifest(ctx, outputs, job.targetLanguages, delivery);
  return {
    articleId: job.articleId,
    language: job.targetLanguage,
    outcome: run.outcome,
    charactersBilled: run.charactersBilled,
    durationMs: ctx.now().getTime() - started.getTime(),
    ...(finalized ? { finalize: finalized.outcome } : {}),
  };
}

async function runJob(
  ctx: TranslateContext,
  outputs: ArticleOutputs,
  job: TranslateJob,
  delivery: Delivery,
): Promise<JobRun> {
  const lang = job.targetLanguage;
  const turn = await awaitJobTurn(ctx, outputs, lang);
  switch (turn.state) {
    case JOB_STATE.STALE:
      ctx.logger.warn("job belongs to a superseded source version: dropping it", { lang });
      return { outcome: "stale", charactersBilled: 0 };
    case JOB_STATE.DONE:
    case JOB_STATE.FAILED:
      ctx.logger.info(
        turn.waited
          ? "another delivery translated this language meanwhile: skipping"
          : "language already has an outcome for this version: skipping",
        { lang },
      );
      return { outcome: "skipped", charactersBilled: 0 };
    case JOB_STATE.PAID_NOT_RENDERED:
      await renderText(outputs, lang);
      ctx.logger.info("translation text rebuilt from the stored translation", { lang });
      return { outcome: "written", charactersBilled: 0 };
    case JOB_STATE.OPEN:
      return translateOpenJob(ctx, outputs, job, delivery, turn.claim);
  }
}

/** The only place that pays Amazon Translate: for the sentences the memory lacks, under the claim. */
async function translateOpenJob(
  ctx: TranslateContext,
  outputs: ArticleOutputs,
  job: TranslateJob,
  delivery: Delivery,
  claim: HeldClaim,
): Promise<JobRun> {
  const lang = job.targetLanguage;
  let memory: TranslationMemory = { translations: new Map(), charactersBilled: 0, requests: 0 };
  let translated: ArticleTranslation;
  // Everything after the claim is taken goes through giveBack on failure, so the claim is never left held.
  try {
    memory = await loadTranslationMemory(outputs, lang);
    const [article, summary] = await Promise.all([
      outputs.readJson<NormalizedArticle>(OUTPUT_FILES.article),
      outputs.readJson<ArticleSummary>(OUTPUT_FILES.summary),
    ]);
    if (!article || !summary)
      throw new Error("article.json or summary.json vanished after its HEAD");
    translated = await translateArticle({
      article,
      summary,
      targetLanguage: lang,
      translator: ctx.translator,
      resume: memory,
      signal: stopBefore(ctx.deadline ?? NO_DEADLINE, STOP_SENDING_RESERVE_MS),
    });
  } catch (error) {
    return giveBack(
      ctx,
      outputs,
      job,
      delivery,
      claim,
      memory,
      error,
      partialArticleTranslationOf(error),
    );
  }
  // The record states what the language cost across every delivery, as the invoice will.
  const translation: ArticleTranslation = {
    ...translated,
    charactersBilled: memory.charactersBilled + translated.charactersBilled,
    requests: memory.requests + translated.requests,
  };
  try {
    const provenance = outputs.elapsed();
    // The .json first: it is the durable record of what was paid for, and the .txt can be rebuilt from it.
    await outputs.writeJson(OUTPUT_FILES.translationJson(lang), translation, {
      retry: true,
      provenance,
    });
    await outputs.writeText(
      OUTPUT_FILES.translationText(lang),
      renderTranslationText(translation),
      {
        retry: true,
        provenance,
      },
    );
  } catch (error) {
    // Paid for but not stored: every sentence goes to the memory, so the retry only writes.
    return giveBack(ctx, outputs, job, delivery, claim, memory, error, paidFor(translated));
  }
  ctx.logger.info("article translated", {
    lang,
    engine: translation.engine,
    charactersBilled: translated.charactersBilled,
    requests: translation.requests,
  });
  return { outcome: "written", charactersBilled: translated.charactersBilled };
}

/**
 * The delivery did not finish the language: it keeps what it paid for in the memory, then either hands the
 * job back (releases the claim and throws, so the queue redelivers it) or, for a permanent error or on the
 * last delivery, records the language's failure.
 */
async function giveBack(
  ctx: TranslateContext,
  outputs: ArticleOutputs,
  job: TranslateJob,
  delivery: Delivery,
  claim: HeldClaim,
  memory: TranslationMemory,
  error: unknown,
  paid: PartialArticleTranslation | undefined,
): Promise<JobRun> {
  const lang = job.targetLanguage;
  // Before the claim is released: the next delivery must find what this one already paid for.
  if (paid && paid.requests > 0) await saveMemory(ctx, outputs, lang, remember(memory, paid));
  if (!shouldRecordFailure(error, delivery)) {
    await releaseClaim(ctx, claim);
    throw error;
  }
  ctx.logger.warn("translation failed for good: recording it for this language", { lang, error });
  await recordLanguageFailure(ctx, outputs, job, error);
  return { outcome: "failed", charactersBilled: paid?.charactersBilled ?? 0 };
}

/** A finished translation as the memory keeps it: every sentence by id, and what this delivery paid. */
function paidFor(translation: ArticleTranslation): PartialArticleTranslation {
  const translations = new Map<string, string>();
  for (const block of translation.blocks) {
    for (const sentence of block.sentences) translations.set(sentence.id, sentence.text);
  }
  return {
    translations,
    charactersBilled: translation.charactersBilled,
    requests: translation.requests,
    detectedSourceLanguage: translation.sourceLanguage,
  };
}

/** The .txt from the stored .json: no Translate call, same bytes as the first delivery would have written. */
async function renderText(outputs: ArticleOutputs, lang: string): Promise<void> {
  const stored = await outputs.readStored<ArticleTranslation>(OUTPUT_FILES.translationJson(lang));
  if (!stored?.current || !stored.value) {
    throw new Error(`${outputs.key(OUTPUT_FILES.translationJson(lang))} vanished after its HEAD`);
  }
  const recorded = readProvenance(stored.head.metadata);
  await outputs.writeText(OUTPUT_FILES.translationText(lang), renderTranslationText(stored.value), {
    retry: true,
    ...(recorded
      ? { provenance: { startedAt: recorded.startedAt, durationMs: recorded.durationMs } }
      : {}),
  });
}

/** Best effort: a memory not saved only makes the next delivery pay again, and must not hide the failure. */
async function saveMemory(
  ctx: TranslateContext,
  outputs: ArticleOutputs,
  lang: string,
  memory: TranslationMemory,
): Promise<void> {
  try {
    await saveTranslationMemory(outputs, lang, memory);
    ctx.logger.info("translation progress saved for the next delivery", {
      lang,
      sentences: memory.translations.size,
    });
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
