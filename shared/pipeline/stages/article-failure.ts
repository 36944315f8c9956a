/**
 * An article that failed for good in normalize or summarize: error.json next to where the outputs would be,
 * then a `failed` manifest and its event. The only writer of a failed manifest, and it writes nothing else.
 */
import { OUTPUT_FILES } from "../../contract/keys";
import type { ErrorRecord, Manifest } from "../../contract/manifest";
import { SCHEMA_VERSION } from "../../contract/version";
import { bareEtag, isMadeFrom } from "../provenance";
import { outputsOf } from "./article-outputs";
import { errorMessage, errorName, type StageContext } from "./context";
import { commitManifest, type FinalizeResult, readManifest } from "./manifest";

export interface ArticleFailure {
  stage: ErrorRecord["stage"];
  articleId: string;
  source: { bucket: string; key: string; etag: string };
  error: unknown;
  startedAt: Date;
  /** Outputs that exist for this version despite the failure (article.json when summarize failed). */
  outputs?: Omit<Manifest["outputs"], "translations" | "error">;
}

export async function recordArticleFailure(
  ctx: StageContext,
  failure: ArticleFailure,
): Promise<FinalizeResult> {
  const source = { ...failure.source, etag: bareEtag(failure.source.etag) };
  const outputs = outputsOf(ctx, failure.articleId, source, failure.startedAt);
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
  const durationMs = now.getTime() - failure.startedAt.getTime();
  await outputs.writeJson(OUTPUT_FILES.error, record, {
    provenance: { startedAt: failure.startedAt.toISOString(), durationMs },
  });
  const existing = await outputs.head(OUTPUT_FILES.manifest);
  if (isMadeFrom(existing, source.etag)) {
    return { outcome: "already", manifest: await readManifest(outputs) };
  }
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    articleId: failure.articleId,
    source,
    status: "failed",
    resultsBucket: outputs.bucket,
    outputs: { ...failure.outputs, translations: {}, error: outputs.key(OUTPUT_FILES.error) },
    languages: {},
    timings: {
      startedAt: failure.startedAt.toISOString(),
      completedAt: now.toISOString(),
      stages: { [failure.stage]: durationMs },
    },
  };
  return commitManifest(ctx, outputs, manifest, existing);
}
