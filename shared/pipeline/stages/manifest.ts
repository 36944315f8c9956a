/**
 * The manifest: written once per source version, when every stage (and every language) has an outcome,
 * then announced with the "Article Processed" event. Whoever finishes last writes it; concurrent finishers
 * race on a conditional write and exactly one wins, so exactly one event is sent per version.
 *
 * Three calls, each explicit: `finalizeManifest` collects the outcomes and commits a complete or partial
 * manifest (never a failed one: that is article-failure.ts); `announceAgain` only re-publishes a manifest that
 * exists, so a stage re-announcing after a crash can never write one; `commitManifest` is the one write.
 */
import { OUTPUT_FILES, outputKey } from "../../contract/keys";
import type { ArticleProcessedDetail, Manifest } from "../../contract/manifest";
import { SCHEMA_VERSION } from "../../contract/version";
import type { ObjectHead } from "../ports";
import { bareEtag, isMadeFrom } from "../provenance";
import type { ArticleOutputs } from "./article-outputs";
import type { StageContext } from "./context";
import type { Delivery } from "./delivery";
import { collectOutcomes } from "./manifest-outcomes";
import { writeReport } from "./report-output";

export type FinalizeResult =
  | { outcome: "pending"; waitingFor: string[] }
  | { outcome: "written" | "already"; manifest: Manifest };

export interface FinalizeOptions {
  /**
   * "render" (the stages): report.html is rendered from the article and every translation. "existing" (the
   * dead-letter consumer): only a report already written for this version is listed, none is rendered, since
   * rendering it may be what killed every delivery (it holds the article and its translations in memory).
   */
  report?: "render" | "existing";
}

/** Writes the manifest if every target language has an outcome for this source version. */
export async function finalizeManifest(
  ctx: StageContext,
  outputs: ArticleOutputs,
  targetLanguages: readonly string[],
  delivery: Delivery,
  options: FinalizeOptions = {},
): Promise<FinalizeResult> {
  const existing = await outputs.head(OUTPUT_FILES.manifest);
  if (isMadeFrom(existing, outputs.source.etag)) {
    const manifest = await readManifest(outputs);
    // The previous delivery may have written it and died before its event: at least once, consumers dedupe
    // on (articleId, source etag). A first delivery that finds it done is a duplicate and sends nothing.
    if (delivery.isRetry) await publish(ctx, manifest);
    return { outcome: "already", manifest };
  }

  const collected = await collectOutcomes(outputs, targetLanguages);
  if (collected.waitingFor.length > 0) {
    return { outcome: "pending", waitingFor: collected.waitingFor };
  }
  const { outputs: manifestOutputs, languages } = collected;
  if (manifestOutputs.article && manifestOutputs.summary) {
    const report =
      options.report === "existing"
        ? (await outputs.isCurrent(OUTPUT_FILES.report))
          ? outputs.key(OUTPUT_FILES.report)
          : undefined
        : await writeReport(ctx, outputs, manifestOutputs, languages, delivery);
    if (report) manifestOutputs.report = report;
  }
  const failed = Object.values(languages).some((o) => o.status === "failed");
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    articleId: outputs.articleId,
    source: { ...outputs.source, etag: bareEtag(outputs.source.etag) },
    status: failed ? "partial" : "complete",
    resultsBucket: outputs.bucket,
    outputs: manifestOutputs,
    languages,
    timings: {
      startedAt: collected.startedAt || ctx.now().toISOString(),
      completedAt: ctx.now().toISOString(),
      stages: collected.stages,
    },
  };
  return commitManifest(ctx, outputs, manifest, existing);
}

/**
 * Publishes the event of the manifest this source version already has, and writes nothing: for a retry that
 * finds its stage done, whose previous delivery may have died between the manifest and its event. Returns
 * whether there was one to announce.
 */
export async function announceAgain(ctx: StageContext, outputs: ArticleOutputs): Promise<boolean> {
  const manifest = await outputs.readJson<Manifest>(OUTPUT_FILES.manifest);
  if (!manifest) return false;
  await publish(ctx, manifest);
  return true;
}

/**
 * The exactly-once write: If-None-Match when no manifest exists, If-Match on the previous version's manifest
 * when the same key was re-uploaded (so a new source version replaces it once, not once per finisher).
 */
export async function commitManifest(
  ctx: StageContext,
  outputs: ArticleOutputs,
  manifest: Manifest,
  existing: ObjectHead | undefined,
): Promise<FinalizeResult> {
  const started = Date.parse(manifest.timings.startedAt);
  const { written } = await outputs.commitJson(OUTPUT_FILES.manifest, manifest, {
    ...(existing ? { ifMatch: existing.etag } : {}),
    provenance: {
      startedAt: manifest.timings.startedAt,
      durationMs: Number.isFinite(started) ? ctx.now().getTime() - started : 0,
    },
  });
  const key = outputs.key(OUTPUT_FILES.manifest);
  if (!written) {
    ctx.logger.info("manifest already written by a concurrent finisher", { key });
    return { outcome: "already", manifest };
  }
  await publish(ctx, manifest);
  ctx.logger.info("article processed", { status: manifest.status, key });
  return { outcome: "written", manifest };
}

export async function readManifest(outputs: ArticleOutputs): Promise<Manifest> {
  const manifest = await outputs.readJson<Manifest>(OUTPUT_FILES.manifest);
  if (!manifest) throw new Error(`manifest of ${outputs.articleId} vanished between HEAD and GET`);
  return manifest;
}

function publish(ctx: StageContext, manifest: Manifest): Promise<void> {
  return ctx.events.publishArticleProcessed(completionDetail(manifest));
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
