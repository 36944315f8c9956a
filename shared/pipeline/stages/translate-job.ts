/**
 * The translate job — one article version × one target language — on one page: its states, how they are
 * read from the files, and what each delivery of its message does in each. The stage (translate.ts) switches
 * on `readJobState`; nothing else decides.
 *
 *   message ──► readJobState
 *                 ├─► STALE ──────────────── drop: no Translate call, no manifest
 *                 ├─► DONE, FAILED ───────── skip ─────────────────────────────────────────┐
 *                 ├─► PAID_NOT_RENDERED ──── render the .txt from the .json (no call) ─────┤
 *                 ├─► CLAIMED ── wait for the holder (~15 s at most, never past the        │
 *                 │              deadline): DONE or FAILED → skip ─────────────────────────┤
 *                 │              still held → TranslationClaimedError: redelivered later   │
 *                 └─► OPEN ───── take the claim (lost the race: as CLAIMED)                │
 *                                 │                                                        │
 *                                 ▼                                                        │
 *               translate the sentences the memory lacks ◄── PAYS Amazon Translate         │
 *                 ├─ all translated: the .json, then the .txt ─► DONE ─────────────────────┤
 *                 ├─ stopped before the deadline, or a retryable error, not the last       │
 *                 │  delivery: memory += what was paid, release the claim, throw:          │
 *                 │  redelivered, OPEN again, paying only for the rest                     │
 *                 └─ a permanent error, or the last delivery: memory += what was paid,     │
 *                    <lang>.error.json ─► FAILED ──────────────────────────────────────────┤
 *                                                                                          ▼
 *                                                     finalize the manifest (a separate, explicit call)
 *
 * When does a retry of this message pay Amazon Translate again? Only in OPEN, and only for sentences the
 * memory (claims/memory-<lang>.json) does not hold: a delivery that fails or stops saves what it paid for
 * before it releases its claim, so over all deliveries each sentence is paid for once. What can still be
 * paid twice: a delivery killed without running any code (OOM, or a timeout the deadline guard did not see
 * coming) loses what it paid since its last save; a sentence cut into several requests (over the request
 * size) whose pieces were only partly answered sends the other sentences of that request again. A resumed
 * delivery sends exactly the requests one delivery would have sent, less those answered before.
 *
 * States are read from the files (the outputs are the record; there is no table):
 *   DONE               translations/<lang>.json and .txt made from this source version
 *   FAILED             translations/<lang>.error.json made from this version
 *   PAID_NOT_RENDERED  the .json of this version without its .txt
 *   STALE              article.json or summary.json is not of this version (a re-upload replaced it)
 *   CLAIMED            claims/translate-<lang>.json held for this version, younger than CLAIM_STALE_AFTER_MS
 *   OPEN               none of the above (no claim, a released one, a stale one, another version's)
 */
import { OUTPUT_FILES } from "../../contract/keys";
import type { ArticleOutputs } from "./article-outputs";
import { readClaim } from "./translation-claim";
import { headLanguage, languageFiles } from "./translation-outputs";

export const JOB_STATE = {
  DONE: "done",
  FAILED: "failed",
  PAID_NOT_RENDERED: "paid-not-rendered",
  STALE: "stale",
  CLAIMED: "claimed",
  OPEN: "open",
} as const;

export type JobState = (typeof JOB_STATE)[keyof typeof JOB_STATE];

export type JobReading =
  | { state: Exclude<JobState, "claimed"> }
  | { state: typeof JOB_STATE.CLAIMED; since: string };

/** Where the job stands for this source version, from its files, as of `now`. */
export async function readJobState(
  outputs: ArticleOutputs,
  lang: string,
  now: Date,
): Promise<JobReading> {
  const files = languageFiles(await headLanguage(outputs, lang), outputs.source.etag);
  if (files === "translated") return { state: JOB_STATE.DONE };
  if (files === "failed") return { state: JOB_STATE.FAILED };
  if (files === "paid-not-rendered") return { state: JOB_STATE.PAID_NOT_RENDERED };
  // A re-upload replaced the article since this job was sent; the new version sent its own jobs.
  if (!(await outputs.isCurrent(OUTPUT_FILES.article, OUTPUT_FILES.summary))) {
    return { state: JOB_STATE.STALE };
  }
  const claim = await readClaim(outputs, lang, now);
  if (claim.held) return { state: JOB_STATE.CLAIMED, since: claim.since };
  return { state: JOB_STATE.OPEN };
}

/**
 * Time kept back from the translate function's timeout when the job stops sending: requests in flight (up to
 * the adapter's concurrency, each with the SDK's retries and backoff) must finish, then the memory is saved
 * and the claim released. An estimate with a wide margin (30 s of a 300 s timeout), not a measurement.
 */
export const STOP_SENDING_RESERVE_MS = 30_000;
