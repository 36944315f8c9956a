/** What a backfill says: the plan (counted by reason), the dry run's Translate estimate, the final count. */
import type { TranslateEstimate } from "./estimate";
import type { Plan } from "./plan";

const count = (n: number) => n.toLocaleString("en-US");

function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** "listed …: N to send; skipped: …" — every listed object is counted under one reason. */
export function formatPlan(plan: Plan, where: string): string {
  const skipped = [
    [plan.existing.processed, "already processed (manifest for the stored version)"],
    [
      plan.existing["in-progress"],
      "in progress (article.json for the stored version, no manifest yet)",
    ],
    [plan.excluded.folder, "folder marker(s)"],
    [plan.excluded.unsupported, "of a file type the pipeline does not read"],
    [plan.excluded.older, "older than --since"],
    [
      plan.excluded.archived,
      "in Glacier Flexible Retrieval or Deep Archive (restore them, then add --include-archived)",
    ],
    [plan.excluded.outside, "outside the pipeline's prefix"],
  ] as const;
  const reasons = skipped.filter(([n]) => n > 0).map(([n, why]) => `${count(n)} ${why}`);
  const head = `listed ${plural(plan.listed, "object")} under ${where}: ${count(plan.toSend.length)} to send`;
  return reasons.length > 0 ? `${head}; skipped ${reasons.join(", ")}` : head;
}

/** What a run with nothing to send says (a re-run that finds everything done says so). */
export function formatNothingToSend(plan: Plan): string {
  const done = plan.existing.processed + plan.existing["in-progress"];
  if (done === 0) return "nothing to send: no object under the prefix is one the pipeline reads";
  const which =
    done === 1
      ? "the 1 object the pipeline reads here has results for its stored version"
      : `all ${count(done)} objects the pipeline reads here have results for their stored version`;
  return `nothing to send: ${which} already`;
}

/**
 * Amazon Translate bills the characters it is sent, per target language. The sources' bytes stand in for
 * their characters: markup (HTML, Markdown, JSON keys) is stripped before translation and a multi-byte
 * character is one character, so the estimate is high for those; removed boilerplate lowers it further.
 */
export function formatTranslateEstimate(
  estimate: TranslateEstimate,
  languagesFrom: string,
): string {
  const into =
    estimate.defaultLanguages.length > 0 ? estimate.defaultLanguages.join(", ") : "no language";
  const own =
    estimate.ownLanguages > 0
      ? `; ${plural(estimate.ownLanguages, "upload")} ${estimate.ownLanguages === 1 ? "names its" : "name their"} own (target-languages metadata)`
      : "";
  const refused =
    estimate.refused > 0
      ? `; ${plural(estimate.refused, "upload")} would fail on ${estimate.refused === 1 ? "its" : "their"} target-languages metadata and ${estimate.refused === 1 ? "is" : "are"} not counted`
      : "";
  return (
    `Amazon Translate estimate: ≈ ${count(estimate.characters)} characters, from ${count(estimate.bytes)} bytes of sources ` +
    `into ${into} (${languagesFrom})${own}${refused}. ` +
    "An estimate, from object sizes: markup, boilerplate and multi-byte characters make the billed count lower."
  );
}
