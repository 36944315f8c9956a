import { articleIdFromKey, OUTPUT_FILES } from "../../contract/keys";
import { normalizeDocument } from "../../normalize";
import { InputTooLargeError } from "../../normalize/errors";
import { logPreview } from "../config";
import { bareEtag } from "../provenance";
import { articleTargetLanguages, targetLanguagesMetadata } from "../upload-languages";
import { recordArticleFailure } from "./article-failure";
import { outputsOf } from "./article-outputs";
import type { StageContext, StageOutcome } from "./context";
import { type Delivery, shouldRecordFailure } from "./delivery";
import { announceAgain } from "./manifest";

/** One object-created notification for the ingest bucket (key already decoded). */
export interface NormalizeInput {
  bucket: string;
  key: string;
  /** The etag the notification carries: the version this delivery is about. */
  etag: string;
  /** Size from the notification, to refuse an oversized file before downloading it. */
  size?: number;
  delivery: Delivery;
}

export interface NormalizeResult {
  articleId: string;
  outcome: StageOutcome;
  characters: number;
  durationMs: number;
}

/** User metadata (x-amz-meta-language) that overrides language detection for one upload. */
const LANGUAGE_METADATA = "language";

/**
 * The S3 console's "Create folder" writes a zero-byte object whose key ends in "/": a folder, not an article.
 * A non-empty object under such a key is still a (bad) upload, and is reported as one.
 */
export function isFolderMarker(input: Pick<NormalizeInput, "key" | "size">): boolean {
  return input.key.endsWith("/") && input.size === 0;
}

/**
 * Source object → results/<id>/article.json, or error.json + a failed manifest when the input is bad. The
 * article's target languages (the upload's target-languages metadata, else the deployment's) are decided here
 * and recorded on article.json's metadata for the stages after it.
 */
export async function runNormalizeStage(
  ctx: StageContext,
  input: NormalizeInput,
): Promise<NormalizeResult> {
  const started = ctx.now();
  const articleId = articleIdFromKey(input.key);
  if (isFolderMarker(input)) {
    ctx.logger.debug("folder marker (zero-byte key ending in /): ignored", { key: input.key });
    return { articleId, outcome: "stale", characters: 0, durationMs: 0 };
  }
  const source = { bucket: input.bucket, key: input.key, etag: bareEtag(input.etag) };
  const outputs = outputsOf(ctx, articleId, source, started);
  const result = (outcome: StageOutcome, characters = 0): NormalizeResult => ({
    articleId,
    outcome,
    characters,
    durationMs: ctx.now().getTime() - started.getTime(),
  });

  const [done, recordedFailure] = await Promise.all([
    outputs.isCurrent(OUTPUT_FILES.article),
    // error.json alone is not done: a delivery that stopped before the failed manifest is redone, so the
    // manifest and its event are written (normalizing is deterministic and bills nothing).
    outputs.isCurrent(OUTPUT_FILES.error, OUTPUT_FILES.manifest),
  ]);
  if (done || recordedFailure) {
    ctx.logger.info("source version already normalized: skipping", { etag: input.etag });
    // The previous delivery may have died between the failed manifest and its event: announce it again.
    if (recordedFailure && input.delivery.isRetry) await announceAgain(ctx, outputs);
    return result("skipped");
  }

  try {
    // Checked from the event before any download; normalizeDocument checks the bytes it is given the same way.
    if (input.size !== undefined && input.size > ctx.config.maxInputBytes) {
      throw new InputTooLargeError(
        `${input.size} bytes is over the limit of ${ctx.config.maxInputBytes} bytes (maxInputBytes)`,
        input.key,
      );
    }
    const object = await ctx.store.get(input.bucket, input.key);
    // A newer upload replaced (or a delete removed) the version this event is about; the newer version has
    // its own event, so processing it here would only do the same work twice.
    if (!object || bareEtag(object.etag) !== source.etag) {
      ctx.logger.warn("source version is gone or superseded: dropping the event", {
        eventEtag: source.etag,
        currentEtag: object?.etag,
      });
      return result("stale");
    }
    // Before the article: a bad request fails the upload whatever its content, and costs no normalizing.
    const targetLanguages = articleTargetLanguages(object.metadata, ctx.config, input.key);
    const override = object.metadata[LANGUAGE_METADATA]?.trim();
    const article = await normalizeDocument({
      bytes: object.body,
      fileName: input.key,
      maxBytes: ctx.config.maxInputBytes,
      ...(override ? { languageOverride: override } : {}),
    });
    await outputs.writeJson(OUTPUT_FILES.article, article, {
      metadata: targetLanguagesMetadata(targetLanguages),
    });
    ctx.logger.info("article normalized", {
      key: outputs.key(OUTPUT_FILES.article),
      language: article.language.code,
      targetLanguages,
      sentences: article.stats.sentences,
      titlePreview: logPreview(article.title, ctx.config.logPreviewChars),
    });
    return result("written", article.stats.characters);
  } catch (error) {
    if (!shouldRecordFailure(error, input.delivery)) throw error;
    ctx.logger.warn("article cannot be normalized: recording the failure", { error });
    await recordArticleFailure(ctx, {
      stage: "normalize",
      articleId,
      source,
      error,
      startedAt: started,
    });
    return result("failed");
  }
}
