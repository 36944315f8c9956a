/**
 * Death is a recorded failure. A message that used up its deliveries ends here, whatever ended them: an
 * error the stage rethrew, or a process killed without running any code (out of memory, a timeout the
 * deadline guard did not see coming) — the case the stages' own "record it on the last delivery" rule
 * cannot cover, since a killed delivery runs no rule at all.
 *
 * Why a consumer of each dead-letter queue, and not a guard inside the stage: only a process that is still
 * alive after the stage's process died can write the record, and SQS's move to the dead-letter queue is the
 * one signal that a message's deliveries are over that does not depend on the dying process. The consumer
 * runs in its own function with its own small memory and reads only heads and error records, never the
 * article, so what killed the stage does not kill it.
 *
 * What it does with one dead message, through the same code the stages use:
 *   - normalize (the S3 notification of incoming/<key>): error.json + a `failed` manifest (article-failure.ts)
 *   - summarize (the notification of results/<id>/article.json): the same, at stage summarize
 *   - translate (one job): translations/<lang>.error.json (language-failure.ts), then the manifest through
 *     manifest.ts, `partial` when this was the last language without an outcome (or pending if others run)
 * and nothing when there is nothing left to record: the version is superseded or gone (stale), its stage
 * finished after all (normalize found article.json), or its manifest exists (announced again, as any retry
 * does: the dead delivery may have died between the manifest and its event; consumers dedupe on
 * articleId + source etag). The manifest's conditional write keeps it to one manifest per source version
 * whoever races. A stage's own error record, written before it died, is kept as the cause.
 *
 * The consumer never renders report.html: rendering it (the article and every translation in memory) may be
 * what killed the stage. A report already written for this version is listed; otherwise the manifest goes
 * without one, as on a stage's last delivery.
 *
 * After recording, the handler parks the message (functions/dead-letter/handler.ts) so that it stays
 * visible to the alarm and available for redrive. A redrive of a version that already has its manifest does
 * nothing (every stage finds the outcome and skips; no second event): the manifest is an announced outcome.
 * To try such a version again, delete its manifest.json and the error record (error.json, or
 * translations/<lang>.error.json), then redrive: the new attempt writes a new manifest and one more event.
 */
import { type ErrorType, isErrorType } from "../../contract/error-types";
import { articleIdFromKey, OUTPUT_FILES } from "../../contract/keys";
import type { ErrorRecord, Manifest } from "../../contract/manifest";
import { PipelineError } from "../../errors";
import type { TranslateJob } from "../ports";
import { bareEtag, readProvenance, type SourceRef } from "../provenance";
import type { StageName } from "../routing";
import { recordArticleFailure } from "./article-failure";
import { articleIdFromArticleKey } from "./article-key";
import { type ArticleOutputs, outputsOf } from "./article-outputs";
import type { StageContext } from "./context";
import { afterLastDelivery } from "./delivery";
import { recordLanguageFailure } from "./language-failure";
import { announceAgain, finalizeManifest } from "./manifest";
import { JOB_STATE, readJobState } from "./translate-job";

/** A dead message, parsed: what it was about, by the stage whose queue it came from. */
export type DeadMessage =
  | { stage: "normalize"; object: { bucket: string; key: string; etag: string } }
  | { stage: "summarize"; object: { bucket: string; key: string; etag: string } }
  | { stage: "translate"; job: TranslateJob };

export interface DeadLetterInput {
  message: DeadMessage;
  /** The stage queue's maxReceiveCount: how many deliveries died. */
  deliveries: number;
  /** When the message was first sent (the article's start, as far as the queue knows). */
  sentAt?: Date;
}

export type DeadLetterOutcome =
  /** The failure was recorded now (and the manifest written, unless other languages are still running). */
  | "recorded"
  /** This version already has its manifest: announced again, nothing written. */
  | "already"
  /** The stage had finished this message after all: nothing to record. */
  | "finished"
  /** The version is superseded or gone: its newer version has its own messages. */
  | "stale";

export interface DeadLetterResult {
  stage: StageName;
  articleId: string;
  outcome: DeadLetterOutcome;
  /** The manifest's status when this consumer wrote it. */
  manifest?: Manifest["status"];
}

/** Every delivery of the message ended without an outcome: killed, timed out, or failing each time. */
export class DeliveriesExhaustedError extends PipelineError {
  override readonly name = "DeliveriesExhaustedError";
  readonly retryable = false;
}

/** The article a dead message is about; throws an InputError when its key is not one a stage accepts. */
export function articleIdOfDeadMessage(message: DeadMessage): string {
  if (message.stage === "translate") return message.job.articleId;
  if (message.stage === "summarize") return articleIdFromArticleKey(message.object.key);
  return articleIdFromKey(message.object.key);
}

export async function runDeadLetterStage(
  ctx: StageContext,
  input: DeadLetterInput,
): Promise<DeadLetterResult> {
  const { message } = input;
  if (message.stage === "translate") return translateDied(ctx, message.job, input);
  if (message.stage === "summarize") return summarizeDied(ctx, message.object, input);
  return normalizeDied(ctx, message.object, input);
}

async function normalizeDied(
  ctx: StageContext,
  object: { bucket: string; key: string; etag: string },
  input: DeadLetterInput,
): Promise<DeadLetterResult> {
  const articleId = articleIdFromKey(object.key);
  const result = (outcome: DeadLetterOutcome, manifest?: Manifest["status"]) =>
    deadLetterResult("normalize", articleId, outcome, manifest);
  const source = { bucket: object.bucket, key: object.key, etag: bareEtag(object.etag) };
  const outputs = outputsOf(ctx, articleId, source);
  if (await announced(ctx, outputs)) return result("already");
  if (await outputs.isCurrent(OUTPUT_FILES.article)) return result("finished");
  const head = await ctx.store.head(object.bucket, object.key);
  if (!head || bareEtag(head.etag) !== source.etag) return result("stale");
  const recorded = await recordArticleFailure(ctx, {
    stage: "normalize",
    articleId,
    source,
    error: await causeOf(outputs, "normalize", object.key, input.deliveries),
    startedAt: input.sentAt ?? ctx.now(),
  });
  return result("recorded", recorded.outcome === "pending" ? undefined : recorded.manifest.status);
}

async function summarizeDied(
  ctx: StageContext,
  object: { key: string; etag: string },
  input: DeadLetterInput,
): Promise<DeadLetterResult> {
  const articleId = articleIdFromArticleKey(object.key);
  const result = (outcome: DeadLetterOutcome, manifest?: Manifest["status"]) =>
    deadLetterResult("summarize", articleId, outcome, manifest);
  // article.json names its source version; one replaced since belongs to a newer version's message.
  const head = await ctx.store.head(ctx.config.resultsBucket, object.key);
  const provenance = readProvenance(head?.metadata);
  if (!head || !provenance || bareEtag(head.etag) !== bareEtag(object.etag)) {
    return result("stale");
  }
  const source: SourceRef = provenance.source;
  const outputs = outputsOf(ctx, articleId, source);
  if (await announced(ctx, outputs)) return result("already");
  // Translations this delivery may have sent before it died find this manifest and write no other.
  const summarized = await outputs.isCurrent(OUTPUT_FILES.summary, OUTPUT_FILES.summaryText);
  const recorded = await recordArticleFailure(ctx, {
    stage: "summarize",
    articleId,
    source,
    error: await causeOf(outputs, "summarize", object.key, input.deliveries),
    startedAt: input.sentAt ?? ctx.now(),
    outputs: {
      article: object.key,
      ...(summarized
        ? {
            summary: outputs.key(OUTPUT_FILES.summary),
            summaryText: outputs.key(OUTPUT_FILES.summaryText),
          }
        : {}),
    },
  });
  return result("recorded", recorded.outcome === "pending" ? undefined : recorded.manifest.status);
}

async function translateDied(
  ctx: StageContext,
  job: TranslateJob,
  input: DeadLetterInput,
): Promise<DeadLetterResult> {
  const lang = job.targetLanguage;
  const result = (outcome: DeadLetterOutcome, manifest?: Manifest["status"]) =>
    deadLetterResult("translate", job.articleId, outcome, manifest);
  const outputs = outputsOf(ctx, job.articleId, job.source);
  if (await announced(ctx, outputs)) return result("already");
  const { state } = await readJobState(outputs, lang, ctx.now());
  if (state === JOB_STATE.STALE) return result("stale");
  // A claim still held belongs to the delivery that died (no delivery of this message comes after it), and
  // a translation paid for but never rendered was being rendered when it died: both get their record. The
  // paid .json stays beside it, listed nowhere.
  const recordedNow = state !== JOB_STATE.DONE && state !== JOB_STATE.FAILED;
  if (recordedNow) {
    const file = outputs.key(OUTPUT_FILES.translationError(lang));
    await recordLanguageFailure(ctx, outputs, job, exhausted("translate", file, input.deliveries));
  }
  // Also when the language had its outcome: the deliveries may have died finalizing (rendering the report).
  const finalized = await finalizeManifest(
    ctx,
    outputs,
    job.targetLanguages,
    afterLastDelivery(input.deliveries),
    { report: "existing" },
  );
  const status = finalized.outcome === "written" ? finalized.manifest.status : undefined;
  if (recordedNow || finalized.outcome === "written") return result("recorded", status);
  return result("finished");
}

/** This version's manifest exists: announce it again (its delivery may have died before the event). */
async function announced(ctx: StageContext, outputs: ArticleOutputs): Promise<boolean> {
  if (!(await outputs.isCurrent(OUTPUT_FILES.manifest))) return false;
  ctx.logger.info("dead message's version already has its manifest: announcing it again");
  return announceAgain(ctx, outputs);
}

/**
 * The error to record: the stage's own, when it wrote error.json before dying (a permanent error whose
 * delivery died before the manifest), otherwise that every delivery died.
 */
async function causeOf(
  outputs: ArticleOutputs,
  stage: StageName,
  file: string,
  deliveries: number,
): Promise<Error> {
  const own = await outputs.readJson<ErrorRecord>(OUTPUT_FILES.error).catch(() => undefined);
  if (own?.stage === stage && isErrorType(own.errorType)) {
    return new RecordedError(own.errorType, own.message);
  }
  return exhausted(stage, file, deliveries);
}

/** An error the stage already recorded, raised again under its recorded type and message. */
class RecordedError extends PipelineError {
  readonly retryable = false;

  constructor(
    override readonly name: ErrorType,
    message: string,
  ) {
    super(message);
  }
}

function exhausted(stage: StageName, file: string, deliveries: number): DeliveriesExhaustedError {
  return new DeliveriesExhaustedError(
    `${stage} did not finish in ${deliveries} deliveries: each one was killed (out of memory or at its timeout) or failed; the message is kept for redrive`,
    file,
  );
}

function deadLetterResult(
  stage: StageName,
  articleId: string,
  outcome: DeadLetterOutcome,
  manifest: Manifest["status"] | undefined,
): DeadLetterResult {
  return { stage, articleId, outcome, ...(manifest ? { manifest } : {}) };
}
