/**
 * One language of one article version that failed for good: translations/<lang>.error.json, its outcome in
 * the manifest. The one writer of it, used by the translate stage (a permanent error, or its last delivery)
 * and by the dead-letter consumer (a job whose every delivery died). The other languages are unaffected.
 */
import { OUTPUT_FILES } from "../../contract/keys";
import type { ErrorRecord } from "../../contract/manifest";
import { SCHEMA_VERSION } from "../../contract/version";
import type { TranslateJob } from "../ports";
import type { ArticleOutputs } from "./article-outputs";
import { errorMessage, errorName, type StageContext } from "./context";

export async function recordLanguageFailure(
  ctx: StageContext,
  outputs: ArticleOutputs,
  job: TranslateJob,
  error: unknown,
): Promise<void> {
  const lang = job.targetLanguage;
  const record: ErrorRecord = {
    schemaVersion: SCHEMA_VERSION,
    articleId: job.articleId,
    stage: "translate",
    errorType: errorName(error),
    message: errorMessage(error),
    source: job.source,
    language: lang,
    at: ctx.now().toISOString(),
  };
  await outputs.writeJson(OUTPUT_FILES.translationError(lang), record, { retry: true });
}
