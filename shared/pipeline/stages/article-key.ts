/**
 * The article an S3 notification for results/<id>/article.json is about: read by the summarize stage and by
 * the dead-letter consumer (which, on its own, needs none of the summarizer).
 */
import { OUTPUT_FILES, RESULTS_PREFIX } from "../../contract/keys";
import { InputError } from "../../errors";

/** The key is not results/<id>/article.json: the routing and the event disagree. */
export class NotAnArticleKeyError extends InputError {
  override readonly name = "NotAnArticleKeyError";
}

export function articleIdFromArticleKey(key: string): string {
  const suffix = `/${OUTPUT_FILES.article}`;
  if (!key.startsWith(RESULTS_PREFIX) || !key.endsWith(suffix)) {
    throw new NotAnArticleKeyError(`not a ${RESULTS_PREFIX}<id>${suffix} key`, key);
  }
  return key.slice(RESULTS_PREFIX.length, -suffix.length);
}
