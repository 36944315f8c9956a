/**
 * The claim on one translation job (article version × language): claims/translate-<lang>.json, written with
 * a conditional put before Amazon Translate is called, so copies of one job running at the same time (SQS
 * delivers at least once, Lambda scales out) bill it once. The holder's outputs are the record of the work; the
 * claim only says "someone is paying for this right now" (status "held") or "nobody is" (status "released").
 */
import { CLAIMS_FOLDER } from "../../contract/keys";
import { PipelineError } from "../../errors";
import { bareEtag } from "../provenance";
import { routeOf } from "../routing";
import type { ArticleOutputs } from "./article-outputs";

/**
 * Beside the outputs, not in translations/: a consumer globbing translations/*.json must get translations only.
 * Under results/ like every output, so the stages' IAM grant (results/*) covers it.
 */
export const translationClaimFile = (lang: string) => `${CLAIMS_FOLDER}translate-${lang}.json`;

/**
 * A held claim older than this belongs to an invocation that is gone: Lambda kills it at its timeout, and its
 * message is not redelivered before the visibility timeout, so nothing alive can still hold it.
 */
export const CLAIM_STALE_AFTER_MS = routeOf("translate").queue.visibilityTimeoutSeconds * 1000;

export type ClaimStatus = "held" | "released";

interface ClaimBody {
  articleId: string;
  language: string;
  sourceEtag: string;
  status: ClaimStatus;
  claimedAt: string;
}

/** Another delivery holds a fresh claim on this job: retry later, when its outputs exist and this copy skips. */
export class TranslationClaimedError extends PipelineError {
  override readonly name = "TranslationClaimedError";
  readonly retryable = true;
}

/** How the claim stands for this source version, as of `now`. */
export type ClaimReading =
  | { held: true; since: string }
  | {
      held: false;
      etag?: string;
      why: "absent" | "released" | "stale" | "older-version" | "unreadable";
    };

export async function readClaim(
  outputs: ArticleOutputs,
  lang: string,
  now: Date,
): Promise<ClaimReading> {
  const stored = await outputs.readStored<Partial<ClaimBody>>(translationClaimFile(lang));
  if (!stored) return { held: false, why: "absent" };
  const { etag } = stored.head;
  const claim = stored.value;
  if (!claim || typeof claim.claimedAt !== "string")
    return { held: false, etag, why: "unreadable" };
  if (claim.sourceEtag !== bareEtag(outputs.source.etag)) {
    return { held: false, etag, why: "older-version" };
  }
  if (claim.status === "released") return { held: false, etag, why: "released" };
  const age = now.getTime() - Date.parse(claim.claimedAt);
  // Not a number (a claim without a date) is as good as stale: it protects nothing.
  if (!(age < CLAIM_STALE_AFTER_MS)) return { held: false, etag, why: "stale" };
  return { held: true, since: claim.claimedAt };
}

export interface HeldClaim {
  /** Lets a delivery that could not finish hand the job over at once instead of after the stale delay. */
  release(): Promise<void>;
}

/**
 * Takes the claim, or throws TranslationClaimedError when another delivery holds a fresh one for this source
 * version. An absent claim is created (If-None-Match); a released or stale one, or one of an older source
 * version, is replaced (If-Match on the etag read), so of two deliveries taking it over only one wins.
 */
export async function claimTranslation(
  outputs: ArticleOutputs,
  lang: string,
  now: () => Date,
): Promise<HeldClaim> {
  const key = outputs.key(translationClaimFile(lang));
  const body = (status: ClaimStatus): ClaimBody => ({
    articleId: outputs.articleId,
    language: lang,
    sourceEtag: bareEtag(outputs.source.etag),
    status,
    claimedAt: now().toISOString(),
  });
  const busy = (why: string) =>
    new TranslationClaimedError(`translation to ${lang} ${why}; retry once it has an outcome`, key);

  const file = translationClaimFile(lang);
  let taken = await outputs.commitJson(file, body("held"));
  if (!taken.written) {
    const current = await readClaim(outputs, lang, now());
    if (current.held) throw busy(`is claimed by another delivery since ${current.since}`);
    if (!current.etag) throw busy("is being claimed by another delivery");
    taken = await outputs.commitJson(file, body("held"), { ifMatch: current.etag });
    if (!taken.written) throw busy("was taken over by another delivery");
  }
  const heldEtag = taken.etag;
  return {
    async release() {
      if (!heldEtag) return;
      // Only the claim this delivery wrote: one taken over since (after it went stale) stays its holder's.
      await outputs.commitJson(file, body("released"), { ifMatch: heldEtag });
    },
  };
}
