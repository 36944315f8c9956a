/**
 * A delivery's turn at a translate job: the job's state (translate-job.ts), and in OPEN the claim taken.
 * A job CLAIMED by another delivery is looked at again after short pauses (~15 s in all), so that a copy of
 * a job whose holder is about to finish ends as a plain skip: a redelivery would count as a retry and
 * announce the article again. Only a holder still busy after that (or a deadline too close to wait) makes
 * the copy fail with the retryable TranslationClaimedError and come back later.
 */
import type { ArticleOutputs } from "./article-outputs";
import type { StageContext } from "./context";
import { JOB_STATE, type JobState, readJobState, STOP_SENDING_RESERVE_MS } from "./translate-job";
import {
  claimTranslation,
  type HeldClaim,
  TranslationClaimedError,
  translationClaimFile,
} from "./translation-claim";

const CLAIM_WAITS_MS = [
  100, 200, 400, 800, 1000, 1000, 1000, 1500, 2000, 2000, 2000, 2000,
] as const;

export type JobTurn =
  | { state: typeof JOB_STATE.OPEN; claim: HeldClaim }
  | { state: Exclude<JobState, "open" | "claimed">; waited: boolean };

export async function awaitJobTurn(
  ctx: StageContext,
  outputs: ArticleOutputs,
  lang: string,
): Promise<JobTurn> {
  let waited = false;
  for (const waitMs of [...CLAIM_WAITS_MS, undefined]) {
    const reading = await readJobState(outputs, lang, ctx.now());
    let busy: TranslationClaimedError;
    if (reading.state === JOB_STATE.OPEN) {
      try {
        return { state: JOB_STATE.OPEN, claim: await claimTranslation(outputs, lang, ctx.now) };
      } catch (error) {
        if (!(error instanceof TranslationClaimedError)) throw error;
        busy = error;
      }
    } else if (reading.state === JOB_STATE.CLAIMED) {
      busy = new TranslationClaimedError(
        `translation to ${lang} is claimed by another delivery since ${reading.since}; retry once it has an outcome`,
        outputs.key(translationClaimFile(lang)),
      );
    } else {
      return { state: reading.state, waited };
    }
    const remaining = ctx.deadline?.remainingMs() ?? Number.POSITIVE_INFINITY;
    if (waitMs === undefined || remaining - waitMs <= STOP_SENDING_RESERVE_MS) throw busy;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    waited = true;
  }
  throw new Error("unreachable: the last look either returns or throws");
}
