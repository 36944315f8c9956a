/** The fixed prose of docs/RELIABILITY.md: what each scenario is, where each security check lives, known bugs. */

/** Fault scenarios by the name faults.test.ts records them under. */
export const SCENARIOS: Record<string, string> = {
  clean: "clean run (baseline)",
  sdkFaults:
    "Translate: 30% of attempts throttled (429), 20% of requests hit by a burst of 3 × 5xx, under the SDK's adaptive retries (scripted HTTP handler)",
  adapterFaults:
    "Translate: 30% of calls throttled, a burst of 3 × 5xx every 10 calls, straight at the adapter (aws-sdk-client-mock: no SDK retry, only the queue's)",
  failedWrite: "S3: the first PUT of every output key fails (ObjectStore wrapper)",
  crash:
    "a handler dies right after each output write, once per key (invocation failed from outside; nothing after the write runs)",
};

export interface SecurityCheck {
  check: string;
  /** Test file (path suffix) and the start of the test's title. */
  file: string;
  title: string;
}

export const SECURITY_CHECKS: SecurityCheck[] = [
  {
    check: "cdk-nag: zero unacknowledged findings",
    file: "tests/infra/nag.test.ts",
    title: "should report no unacknowledged finding on the stack",
  },
  {
    check: "buckets private and encrypted",
    file: "tests/infra/stack.test.ts",
    title: "should block public access, encrypt",
  },
  {
    check: "buckets (and queues) TLS-only",
    file: "tests/infra/stack.test.ts",
    title: "should deny every request not made over TLS",
  },
  {
    check: "no IAM `*` action",
    file: "tests/infra/stack.test.ts",
    title: "should not allow a * action",
  },
  {
    check:
      "hostile HTML reaches no output as live markup (article, summary, translations, report.html)",
    file: "tests/reliability/corpus.test.ts",
    title: "should carry no live markup from the hostile HTML page",
  },
  {
    check: "logs quote no article text beyond a short preview (40 characters by default)",
    file: "tests/reliability/corpus.test.ts",
    title: "should log no article text beyond a short preview",
  },
  {
    check: "local S3 server on 127.0.0.1 only (refuses the machine's other addresses)",
    file: "tests/reliability/corpus.test.ts",
    title: "should serve the local S3 endpoint on 127.0.0.1",
  },
];

export const KNOWN_ISSUES: string[] = [
  "**A failed output write or a crash re-bills the translation** (shared/pipeline/stages/translate.ts): the Translate call happens before anything durable records it, so a delivery that fails after it (a `.txt`/`.json` PUT refused, the handler dying between the two) pays again on redelivery: ×2–×3 in the scenarios above. A fix needs the translation persisted before the outputs are rendered (or the `.txt` rebuilt from the `.json` on a redelivery, writing the `.json` first).",
  "**Concurrent copies of a translate job each bill** (shared/pipeline/stages/translate.ts, HEAD then work): three copies running at once bill ×3 (tests/reliability/duplicates.test.ts). Duplicates that arrive after the original are free. A fix needs a claim per (article version, language), e.g. a conditional put of a lease object.",
  "**A redelivered summarize re-sends the translate jobs still in flight** (read in shared/pipeline/stages/summarize.ts, `languagesWithoutOutcome`: a job without an outcome yet is sent again): harmless on its own, but it turns one job into copies that can run alongside it (the bug above).",
  "**Queue-only retries re-bill finished requests** (shared/adapters/amazon-translate/translator.ts): when one request of a multi-request language fails after every SDK retry, the whole language is redone on the next delivery; with faults straight at the adapter (no SDK retry) the ~80 KB article failed both languages after 5 deliveries (manifest `partial`, error records) and billing reached the ratio in the fault table.",
  "**report.html is dropped for good on a transient write failure** (shared/pipeline/stages/finalize.ts, `writeReport`'s catch; tests/reliability/faults.test.ts): by design a report never fails the article, but a failed PUT is not retried either, so the manifest goes out without `report` although a redelivery could have written it.",
  '**Local mode only: concurrent PUTs of one key can corrupt the object for good** (s3rver\'s FilesystemStore.putMetadata rewrites `<key>._S3rver_metadata.json` in place; infra/local/s3/guarded-store.ts serializes `putIfAbsent` per key but not `put`): interleaved writes with metadata of different lengths leave invalid JSON, and every later HEAD/GET answers 500. tests/reliability/local-s3.test.ts corrupts ~8 of 40 keys written 6 at a time; the same race made the e2e "dropped twice" test dead-letter its translate jobs (InternalError) in a full-suite run. Fix: `put` through the same per-key lock.',
  "**Duplicate completion events** are possible after a failed finisher delivery (at-least-once by design, `alreadyFinalized`): up to 2 per article in the fault scenarios; consumers dedupe on (articleId, source etag).",
  "Fixed here (small, local): `shared/pipeline/stages/normalize.ts` skipped a redelivery as soon as `error.json` existed, so a delivery that stopped between `error.json` and the failed manifest left the bad input without manifest or event, and one that died between the manifest and its event never announced it; `shared/pipeline/stages/summarize.ts` (translation off: it writes the manifest) never re-announced either. Both now redo or re-announce on a redelivery, as translate's finalize does (tests/reliability/faults.test.ts).",
  "Fixed here (small, local): `shared/normalize/assemble.ts` dropped a sentence whose only letters lie outside the BMP (𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆, 𠀀: `hasWord` tested single UTF-16 units); `shared/normalize/formats/html.ts` let an `.html` file with no element crash Readability with an untyped error (3 deliveries, then an error record of type `Error` that named no file). Both found by tests/property, pinned by corpus cases.",
];

export function yesNo(ok: boolean): string {
  return ok ? "pass" : "**FAIL**";
}

/** A Markdown table; pipes inside cells are escaped. */
export function table(header: string[], rows: unknown[][]): string[] {
  const cell = (value: unknown) => String(value).replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
}
