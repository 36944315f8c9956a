/**
 * What an ingest prefix may be: the construct's `incomingPrefix` becomes an S3 notification filter and an IAM
 * resource (`<prefix>*`), so it is the literal start of the keys. Kept apart from the construct so that
 * `npm run backfill --incoming-prefix` checks a value by the same rule without loading the CDK.
 */

/** Why the prefix cannot be an ingest prefix, or undefined when it can ("" is the whole bucket). */
export function incomingPrefixProblem(prefix: string): string | undefined {
  if (prefix.startsWith("/") || /[*?]/.test(prefix) || prefix.length > 1024) {
    return `"${prefix}" must be the literal start of the keys (like "incoming/" or "cms/exports/"), without a leading "/" or wildcards`;
  }
  return undefined;
}
