/**
 * The manifest: written once per source version, when every stage (and every language) has an outcome,
 * then announced with the "Article Processed" event. Whoever finishes last writes it; concurrent finishers
 * race on a conditional write and exactly one wins, so exactly one event is sent per version.
 */

import type { NormalizedArticle } from "../../contract/article";
import { OUTPUT_FILES, outputKey } from "../../contract/keys";
import type {
  ArticleProcessedDetail,
  ErrorRecord,
  LanguageOutcome,
  Manifest,
} from "../../contract/manifest";
import type { ArticleSummary } from "../../contract/summary";
import type { ArticleTranslation } from "../../contract/translation";
import { SCHEMA_VERSION } from "../../contract/version";
import { renderReport } from "../../report";
import type { ObjectHead } from "../ports";
import {
  bareEtag,
  isMadeFrom,
  provenanceMetadata,
  readProvenance,
  type SourceRef,
} from "../provenance";
import {
  type Delivery,
  errorMessage,
  errorName,
  JSON_TYPE,
  type StageContext,
  toJson,
} from "./context";
import { headTranslation, isTranslated } from "./translation-outputs";
import { withWriteRetry } from "./write-retry";

export interface FinalizeInput {
  articleId: string;
  source: SourceRef;
  targetLanguages: readonly string[];
  delivery: Delivery;
}

export type FinalizeResult =
  | { outcome: "pending"; waitingFor: string[] }
  | { outcome: "written" | "already"; manifest: Manifest };

type Outputs = Manifest["outputs"];

/** Writes the manifest if every target language has an outcome for this source version. */
export async function finalizeManifest(
  ctx: StageContext,
  input: FinalizeInput,
): Promise<FinalizeResult> {
  const { articleId, source } = input;
  const bucket = ctx.config.resultsBucket;
  const key = (file: string) => outputKey(articleId, file);

  const existing = await ctx.store.head(bucket, key(OUTPUT_FILES.manifest));
  if (isMadeFrom(existing, source.etag)) return alreadyFinalized(ctx, input);

  const [articleHead, summaryHead] = await Promise.all([
    ctx.store.head(bucket, key(OUTPUT_FILES.article)),
    ctx.store.head(bucket, key(OUTPUT_FILES.summary)),
  ]);
  const outputs: Outputs = { translations: {} };
  const stages: Record<string, number> = {};
  if (isMadeFrom(articleHead, source.etag)) {
    outputs.article = key(OUTPUT_FILES.article);
    stages.normalize = readProvenance(articleHead?.metadata)?.durationMs ?? 0;
  }
  if (isMadeFrom(summaryHead, source.etag)) {
    outputs.summary = key(OUTPUT_FILES.summary);
    outputs.summaryText = key(OUTPUT_FILES.summaryText);
    stages.summarize = readProvenance(summaryHead?.metadata)?.durationMs ?? 0;
  }

  const languages: Record<string, LanguageOutcome> = {};
  const waitingFor: string[] = [];
  const outcomes = await Promise.all(
    input.targetLanguages.map(
      async (lang) => [lang, await languageOutcome(ctx, input, lang)] as const,
    ),
  );
  for (const [lang, found] of outcomes) {
    if (!found) {
      waitingFor.push(lang);
      continue;
    }
    languages[lang] = found.outcome;
    stages[`translate.${lang}`] = found.durationMs;
    if (found.outcome.status === "succeeded") {
      outputs.translations[lang] = {
        json: key(OUTPUT_FILES.translationJson(lang)),
        text: key(OUTPUT_FILES.translationText(lang)),
      };
    }
  }
  if (waitingFor.length > 0) return { outcome: "pending", waitingFor };

  const failed = Object.values(languages).some((o) => o.status === "failed");
  if (outputs.article && outputs.summary) {
    const report = await writeReport(ctx, input, outputs, languages);
    if (report) outputs.report = report;
  }
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    articleId,
    source: { ...source, etag: bareEtag(source.etag) },
    status: failed ? "partial" : "complete",
    resultsBucket: bucket,
    outputs,
    languages,
    timings: {
      startedAt: readProvenance(articleHead?.metadata)?.startedAt || ctx.now().toISOString(),
      completedAt: ctx.now().toISOString(),
      stages,
    },
  };
  return commitManifest(ctx, manifest, existing);
}

async function languageOutcome(
  ctx: StageContext,
  input: FinalizeInput,
  lang: string,
): Promise<{ outcome: LanguageOutcome; durationMs: number } | undefined> {
  const bucket = ctx.config.resultsBucket;
  const jsonKey = outputKey(input.articleId, OUTPUT_FILES.translationJson(lang));
  const heads = await headTranslation(ctx.store, bucket, input.articleId, lang);
  // The .json alone is not done: its delivery stopped before the .txt, and its redelivery rebuilds it.
  if (isTranslated(heads, input.source.etag)) {
    return {
      outcome: { status: "succeeded", key: jsonKey },
      durationMs: readProvenance(heads.json?.metadata)?.durationMs ?? 0,
    };
  }
  if (!isMadeFrom(heads.error, input.source.etag)) return undefined;
  const errorKey = outputKey(input.articleId, OUTPUT_FILES.translationError(lang));
  const stored = await ctx.store.get(bucket, errorKey);
  if (!stored || !isMadeFrom(stored, input.source.etag)) return undefined;
  const record = JSON.parse(Buffer.from(stored.body).toString("utf8")) as ErrorRecord;
  return {
    outcome: { status: "failed", error: { type: record.errorType, message: record.message } },
    durationMs: readProvenance(stored.metadata)?.durationMs ?? 0,
  };
}

/**
 * report.html, written before the manifest so the manifest can point at it. A report that cannot be rendered
 * (a bug, never transient) is logged and left out: it is a view of the outputs, never a reason to fail the
 * article. A store that fails is transient: the PUT gets a few attempts, then the delivery fails and is
 * retried, rather than announcing a manifest without its report for good. Only the last delivery goes
 * without it, since a manifest without a report beats an article never announced.
 */
async function writeReport(
  ctx: StageContext,
  input: FinalizeInput,
  outputs: Outputs,
  languages: Record<string, LanguageOutcome>,
): Promise<string | undefined> {
  const { articleId, source } = input;
  const bucket = ctx.config.resultsBucket;
  const started = ctx.now();
  const read = async <T>(key: string): Promise<T> => {
    const stored = await ctx.store.get(bucket, key);
    if (!stored) throw new Error(`${key} is missing`);
    return JSON.parse(Buffer.from(stored.body).toString("utf8")) as T;
  };
  try {
    const [article, summary, translations] = await Promise.all([
      read<NormalizedArticle>(outputs.article as string),
      read<ArticleSummary>(outputs.summary as string),
      Promise.all(Object.values(outputs.translations).map((t) => read<ArticleTranslation>(t.json))),
    ]);
    let html: string;
    try {
      html = renderReport({ article, summary, translations, manifest: { articleId, languages } });
    } catch (error) {
      ctx.logger.error("report.html could not be rendered; the manifest goes without it", {
        error,
      });
      return undefined;
    }
    const key = outputKey(articleId, OUTPUT_FILES.report);
    await withWriteRetry(
      () =>
        ctx.store.put(bucket, key, html, {
          contentType: "text/html; charset=utf-8",
          metadata: provenanceMetadata({
            source,
            startedAt: started.toISOString(),
            durationMs: ctx.now().getTime() - started.getTime(),
          }),
        }),
      (attempt, error) => ctx.logger.warn("report.html write failed: retrying", { attempt, error }),
    );
    return key;
  } catch (error) {
    if (input.delivery.attempt < input.delivery.maxAttempts) throw error;
    ctx.logger.error(
      "report.html could not be written on the last delivery; the manifest goes without it",
      {
        error,
      },
    );
    return undefined;
  }
}

export interface ArticleFailure {
  stage: ErrorRecord["stage"];
  articleId: string;
  source: SourceRef;
  error: unknown;
  startedAt: Date;
  /** Outputs that exist for this version despite the failure (article.json when summarize failed). */
  outputs?: Omit<Outputs, "translations" | "error">;
}

/** Writes error.json next to where the outputs would be, then the failed manifest and its event. */
export async function recordArticleFailure(
  ctx: StageContext,
  failure: ArticleFailure,
): Promise<FinalizeResult> {
  const bucket = ctx.config.resultsBucket;
  const errorKey = outputKey(failure.articleId, OUTPUT_FILES.error);
  const manifestKey = outputKey(failure.articleId, OUTPUT_FILES.manifest);
  const source = { ...failure.source, etag: bareEtag(failure.source.etag) };
  const now = ctx.now();
  const record: ErrorRecord = {
    schemaVersion: SCHEMA_VERSION,
    articleId: failure.articleId,
    stage: failure.stage,
    errorType: errorName(failure.error),
    message: errorMessage(failure.error),
    source,
    at: now.toISOString(),
  };
  const provenance = {
    source,
    startedAt: failure.startedAt.toISOString(),
    durationMs: now.getTime() - failure.startedAt.getTime(),
  };
  await ctx.store.put(bucket, errorKey, toJson(record), {
    contentType: JSON_TYPE,
    metadata: provenanceMetadata(provenance),
  });
  const existing = await ctx.store.head(bucket, manifestKey);
  if (isMadeFrom(existing, source.etag)) {
    const manifest = await readManifest(ctx, failure.articleId);
    return { outcome: "already", manifest };
  }
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    articleId: failure.articleId,
    source,
    status: "failed",
    resultsBucket: bucket,
    outputs: { ...failure.outputs, translations: {}, error: errorKey },
    languages: {},
    timings: {
      startedAt: provenance.startedAt,
      completedAt: now.toISOString(),
      stages: { [failure.stage]: provenance.durationMs },
    },
  };
  return commitManifest(ctx, manifest, existing);
}

/**
 * The exactly-once write: If-None-Match when no manifest exists, If-Match on the previous version's manifest
 * when the same key was re-uploaded (so a new source version replaces it once, not once per finisher).
 */
async function commitManifest(
  ctx: StageContext,
  manifest: Manifest,
  existing: ObjectHead | undefined,
): Promise<FinalizeResult> {
  const bucket = ctx.config.resultsBucket;
  const manifestKey = outputKey(manifest.articleId, OUTPUT_FILES.manifest);
  const started = Date.parse(manifest.timings.startedAt);
  const { written } = await ctx.store.putIfAbsent(bucket, manifestKey, toJson(manifest), {
    contentType: JSON_TYPE,
    metadata: provenanceMetadata({
      source: manifest.source,
      startedAt: manifest.timings.startedAt,
      durationMs: Number.isFinite(started) ? ctx.now().getTime() - started : 0,
    }),
    ...(existing ? { ifMatch: existing.etag } : {}),
  });
  if (!written) {
    ctx.logger.info("manifest already written by a concurrent finisher", { key: manifestKey });
    return { outcome: "already", manifest };
  }
  await ctx.events.publishArticleProcessed(completionDetail(manifest));
  ctx.logger.info("article processed", { status: manifest.status, key: manifestKey });
  return { outcome: "written", manifest };
}

/**
 * The manifest exists for this version. On a redelivery (attempt > 1) the previous attempt may have written
 * it and then failed to publish, so publish again: the event is at-least-once, consumers dedupe on
 * (articleId, source etag). A first delivery that finds it done sends nothing.
 */
async function alreadyFinalized(ctx: StageContext, input: FinalizeInput): Promise<FinalizeResult> {
  const manifest = await readManifest(ctx, input.articleId);
  if (input.delivery.attempt > 1) {
    await ctx.events.publishArticleProcessed(completionDetail(manifest));
  }
  return { outcome: "already", manifest };
}

async function readManifest(ctx: StageContext, articleId: string): Promise<Manifest> {
  const stored = await ctx.store.get(
    ctx.config.resultsBucket,
    outputKey(articleId, OUTPUT_FILES.manifest),
  );
  if (!stored) throw new Error(`manifest of ${articleId} vanished between HEAD and GET`);
  return JSON.parse(Buffer.from(stored.body).toString("utf8")) as Manifest;
}

export function completionDetail(manifest: Manifest): ArticleProcessedDetail {
  return {
    schemaVersion: SCHEMA_VERSION,
    articleId: manifest.articleId,
    status: manifest.status,
    manifest: {
      bucket: manifest.resultsBucket,
      key: outputKey(manifest.articleId, OUTPUT_FILES.manifest),
    },
    source: {
      bucket: manifest.source.bucket,
      key: manifest.source.key,
      etag: manifest.source.etag,
    },
  };
}
