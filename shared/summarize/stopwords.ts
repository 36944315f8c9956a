/**
 * stopwords-iso's list of a language. The summarizer imports this module as "#summarize/stopwords" (package.json
 * `imports`): that name is the seam where the Lambda bundle puts infra/aws/bundle-shims/stopwords.mjs, which
 * reads one language's list from the deployment package instead of carrying all 58 (160 KiB) in its code.
 */
import { STOPWORD_SEPARATOR, STOPWORDS_JOINED } from "./stopwords.generated";

/** The stopwords of an ISO 639-1 code (lowercase, no region), none for a language stopwords-iso lacks. */
export function stopwordsOf(code: string): readonly string[] {
  const joined = Object.hasOwn(STOPWORDS_JOINED, code) ? STOPWORDS_JOINED[code] : undefined;
  return joined ? joined.split(STOPWORD_SEPARATOR) : [];
}
