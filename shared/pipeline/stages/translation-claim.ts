/**
 * The claim on one translation job (article version × language): claims/translate-<lang>.json, written with
 * a conditional put before Amazon Translate is called, so copies of one job running at the same time (SQS
 * delivers at least once, Lambda scales out) bill it once. The holder's outputs are the record of the work; the
 * claim only says "someone is paying for this right now".
 */
import { BOOKKEEPING_FOLDER, outputKey } from "../../contract/keys";
import { PipelineError } from "../../errors";
import type { ObjectStore } from "../ports";
import { bareEtag, type SourceRef } from "../provenance";
import { routeOf } from "../routing";
import { JSON_TYPE, toJson } from "./context";

/**
 * Beside the outputs, not in translations/: a consumer globbing translations/*.json must get translations only.
 * Under results/ like every output, so the stages' IAM grant (results/*) covers it.
 */
export const translationClaimFile = (lang: string) => `${BOOKKEEPING_FOLDER}translate-${lang}.json`;

/**
 * A claim older than this belongs to an invocation that is gone: Lambda kills it at its timeout, and its
 * message is not redelivered before the visibility timeout, so nothing alive can still hold it.
 */
export const CLAIM_STALE_AFTER_MS = routeOf("translate").queue.visibilityTimeoutSeconds * 1000;

/** A released claim says "claimed at the epoch": stale at once, so the next delivery takes it over. */
const RELEASED_AT = new Date(0).toISOString();

interface ClaimBody {
  articleId: string;
  language: string;
  sourceEtag: string;
  claimedAt: string;
}

/** Another delivery holds a fresh claim on this job: retry later, when its outputs exist and this copy skips. */
export class TranslationClaimedError extends PipelineError {
  readonly retryable = true;
}

export interface ClaimScope {
  store: ObjectStore;
  bucket: string;
  articleId: string;
  language: string;
  source: SourceRef;
  now: () => Date;
}

export interface HeldClaim {
  /** Lets a delivery that could not finish hand the job over at once instead of after the stale delay. */
  release(): Promise<void>;
}

/**
 * Takes the claim, or throws TranslationClaimedError when another delivery holds a fresh one for this source
 * version. An absent claim is created (If-None-Match); a stale one, a released one or one of an older source
 * version is replaced (If-Match on the etag read), so of two deliveries taking it over only one wins.
 */
export async function claimTranslation(scope: ClaimScope): Promise<HeldClaim> {
  const { store, bucket } = scope;
  const key = outputKey(scope.articleId, translationClaimFile(scope.language));
  const sourceEtag = bareEtag(scope.source.etag);
  const body = (claimedAt: string): string =>
    toJson({
      articleId: scope.articleId,
      language: scope.language,
      sourceEtag,
      claimedAt,
    } satisfies ClaimBody);
  const busy = (why: string) =>
    new TranslationClaimedError(
      `translation to ${scope.language} ${why}; retry once it has an outcome`,
      key,
    );

  let taken = await store.putIfAbsent(bucket, key, body(scope.now().toISOString()), {
    contentType: JSON_TYPE,
  });
  if (!taken.written) {
    const current = await store.get(bucket, key);
    if (!current) throw busy("is being claimed by another delivery");
    const claim = parseClaim(current.body);
    const age = scope.now().getTime() - Date.parse(claim?.claimedAt ?? "");
    const fresh = claim?.sourceEtag === sourceEtag && age < CLAIM_STALE_AFTER_MS;
    if (fresh) throw busy(`is claimed by another delivery since ${claim?.claimedAt}`);
    taken = await store.putIfAbsent(bucket, key, body(scope.now().toISOString()), {
      contentType: JSON_TYPE,
      ifMatch: current.etag,
    });
    if (!taken.written) throw busy("was taken over by another delivery");
  }
  const heldEtag = taken.etag;
  return {
    async release() {
      if (!heldEtag) return;
      await store.putIfAbsent(bucket, key, body(RELEASED_AT), {
        contentType: JSON_TYPE,
        ifMatch: heldEtag,
      });
    },
  };
}

function parseClaim(bytes: Uint8Array): ClaimBody | undefined {
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8")) as ClaimBody;
  } catch {
    // An unreadable claim protects nothing: treat it as stale so it is replaced.
    return undefined;
  }
}
