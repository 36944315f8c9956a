/**
 * Fault injection through the local stack: Amazon Translate throttling and 5xx bursts (under the SDK, and
 * straight at the adapter), an S3 write that fails once, and a handler that dies between two writes. Each
 * scenario is compared with a clean run of the same batch: every article must end the same way, with the
 * same outputs, and Amazon Translate must have billed the same characters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  articleIdFromKey,
  OUTPUT_FILES,
  outputKey,
  RESULTS_PREFIX,
} from "../../shared/contract/keys";
import { articleBatch, snapshotDifferences } from "./harness/articles";
import { EVERY_OUTPUT, runScenario, type ScenarioResult } from "./harness/scenario";
import { recordFigures } from "./results";

const KEYS = articleBatch().map((a) => a.key);
/** The batch's bad inputs: their outcome is a failed manifest (error.json), not outputs. */
const BAD_INPUTS = ["incoming/scan.pdf", "incoming/empty.json"];
const LONG = "incoming/long.txt";
/** Faults straight at the adapter: 30% of attempts a 5xx, 30% of the rest throttled. */
const ADAPTER_FAULT_RATES = { serverErrorRate: 0.3, throttleRate: 0.3 };

let clean: ScenarioResult;
const scenarios: Record<string, ScenarioResult> = {};

beforeAll(async () => {
  clean = await runScenario();
  scenarios.sdkFaults = await runScenario({
    translate: { via: "http", faults: { throttleRate: 0.3, burstRate: 0.2, burstLength: 3 } },
  });
  // Faults are keyed by request and attempt, so a seed names one fault schedule whatever the load. Seed 1:
  // every ~80 KB language is refused some requests and resumes to the end, and page.html's fr is refused at
  // every delivery. Seed 7: a ~80 KB language is refused for good after paying for most of its requests.
  scenarios.adapterFaults = await runScenario({
    translate: { via: "client-mock", faults: { ...ADAPTER_FAULT_RATES, seed: 1 } },
  });
  scenarios.adapterFaultsLongRefused = await runScenario({
    translate: { via: "client-mock", faults: { ...ADAPTER_FAULT_RATES, seed: 7 } },
  });
  scenarios.failedWrite = await runScenario({
    storeFaults: [{ kind: "fail-write", keys: EVERY_OUTPUT }],
  });
  scenarios.crash = await runScenario({
    storeFaults: [{ kind: "crash-after-write", keys: EVERY_OUTPUT }],
  });
}, 180_000);

afterAll(() => {
  const summary = (name: string, run: ScenarioResult) => ({
    name,
    wallMs: run.wallMs,
    translateCalls: run.meter.calls,
    throttled: run.meter.throttled,
    serverErrors: run.meter.serverErrors,
    storeFaults: run.faultHits,
    billedCharacters: run.meter.billedCharacters,
    billedRatio: Number((run.meter.billedCharacters / clean.meter.billedCharacters).toFixed(3)),
    articlesWithManifest: KEYS.filter((k) => manifestOf(run, k)).length,
    articlesLikeClean: KEYS.length - articlesDiffering(run).length,
    articlesAnnounced: KEYS.filter((k) => (run.events.get(k) ?? 0) > 0).length,
    maxEventsPerArticle: Math.max(0, ...run.events.values()),
    deadLetters: run.deadLetters,
  });
  recordFigures("faults", {
    articles: KEYS.length,
    scenarios: [
      summary("clean", clean),
      ...Object.entries(scenarios).map(([name, run]) => summary(name, run)),
    ],
  });
});

function manifestOf(run: ScenarioResult, key: string): Record<string, unknown> | undefined {
  const text = run.snapshot.get(outputKey(articleIdFromKey(key), OUTPUT_FILES.manifest));
  return text === undefined ? undefined : JSON.parse(text);
}

/** translations/<lang>.error.json paths of a run: languages that failed for good. */
function failedLanguageFiles(run: ScenarioResult): string[] {
  return [...run.snapshot.keys()].filter((path) =>
    /\/translations\/[^/]+\.error\.json$/.test(path),
  );
}

/** What a run's translations/<lang>.json records as billed, for the language of an error record's path. */
function billedIn(run: ScenarioResult, errorPath: string): number {
  const record = run.snapshot.get(errorPath.replace(/\.error\.json$/, ".json"));
  return record === undefined ? 0 : Number(JSON.parse(record).charactersBilled);
}

/** What the deliveries of a language paid before it failed for good: its memory's bill (none: nothing). */
function paidBeforeFailing(run: ScenarioResult, errorPath: string): number {
  const memory = errorPath.replace(
    /\/translations\/([^/]+)\.error\.json$/,
    "/claims/memory-$1.json",
  );
  return run.memoryBills.get(memory) ?? 0;
}

/** claims/memory-<lang>.json paths of an article: languages some delivery stopped before finishing. */
function resumedLanguages(run: ScenarioResult, key: string): string[] {
  const prefix = `${RESULTS_PREFIX}${articleIdFromKey(key)}/`;
  return [...run.memoryBills.keys()].filter((path) => path.startsWith(prefix));
}

const ADAPTER_FAULT_RUNS = ["adapterFaults", "adapterFaultsLongRefused"] as const;

/** Source keys whose outputs differ from the clean run's (clock fields aside). */
function articlesDiffering(run: ScenarioResult): string[] {
  const paths = snapshotDifferences(clean.snapshot, run.snapshot);
  return KEYS.filter((key) => {
    const prefix = `${RESULTS_PREFIX}${articleIdFromKey(key)}/`;
    return paths.some((path) => path.startsWith(prefix));
  });
}

describe("the clean run every scenario is compared with", () => {
  it("should give every article its manifest and one event, with nothing dead-lettered", () => {
    expect(KEYS.filter((k) => !manifestOf(clean, k))).toEqual([]);
    expect(KEYS.map((k) => clean.events.get(k))).toEqual(KEYS.map(() => 1));
    expect(BAD_INPUTS.map((k) => manifestOf(clean, k)?.status)).toEqual(["failed", "failed"]);
    expect(clean.deadLetters).toBe(0);
    expect(clean.meter.billedCharacters).toBeGreaterThan(100_000);
  });
});

describe("Amazon Translate faults", () => {
  it("should end like the clean run and bill the same characters when 30% of calls are throttled and 5xx come in bursts (SDK retries)", () => {
    const run = scenarios.sdkFaults as ScenarioResult;
    expect(run.meter.throttled).toBeGreaterThan(0);
    expect(run.meter.serverErrors).toBeGreaterThan(0);
    expect(articlesDiffering(run)).toEqual([]);
    expect(run.meter.billedCharacters).toBe(clean.meter.billedCharacters);
    expect(run.deadLetters).toBe(0);
  });

  // The mock replaces `send`, so only the queue retries (5 deliveries): each delivery saves the requests it got
  // answered (claims/memory-<lang>.json) and the next one pays only for the rest. About half the attempts fail
  // here, so a language with a request refused at all five deliveries fails for good: recorded, not lost, and
  // billed for what its earlier deliveries got answered (its memory), never twice.
  it.each(ADAPTER_FAULT_RUNS)(
    "should never bill a text twice when faults reach the adapter with no SDK retry (aws-sdk-client-mock): %s",
    (name) => {
      const run = scenarios[name] as ScenarioResult;
      expect(run.meter.throttled).toBeGreaterThan(0);
      expect(run.meter.serverErrors).toBeGreaterThan(0);
      const billedAgain = [...run.meter.billedTexts].filter(
        ([text, times]) => times > (clean.meter.billedTexts.get(text) ?? 0),
      );
      expect(billedAgain.map(([text]) => text.slice(0, 40))).toEqual([]);
      // Exactly the clean run's bill, less what the failed languages never got answered.
      const unbilled = failedLanguageFiles(run)
        .map((path) => billedIn(clean, path) - paidBeforeFailing(run, path))
        .reduce((sum, characters) => sum + characters, 0);
      expect(run.meter.billedCharacters).toBe(clean.meter.billedCharacters - unbilled);
    },
  );

  it("should bill a ~80 KB language refused for good for the requests answered before, as its memory records", () => {
    const run = scenarios.adapterFaultsLongRefused as ScenarioResult;
    const refused = failedLanguageFiles(run).filter((path) =>
      path.includes(`/${articleIdFromKey(LONG)}/`),
    );
    expect(refused).not.toEqual([]);
    for (const path of refused) {
      expect(paidBeforeFailing(run, path)).toBeGreaterThan(0);
      expect(paidBeforeFailing(run, path)).toBeLessThan(billedIn(clean, path));
    }
  });

  it("should end the ~80 KB article (nine requests per language) exactly like the clean run when adapter faults made every language resume", () => {
    const run = scenarios.adapterFaults as ScenarioResult;
    expect(resumedLanguages(run, LONG)).toHaveLength(2);
    expect(articlesDiffering(run)).not.toContain(LONG);
  });

  it.each(ADAPTER_FAULT_RUNS)(
    "should end every article with a manifest under adapter faults, differing from the clean run only by languages refused at every delivery: %s",
    (name) => {
      const run = scenarios[name] as ScenarioResult;
      expect(KEYS.filter((k) => !manifestOf(run, k))).toEqual([]);
      expect(KEYS.filter((k) => !run.events.get(k))).toEqual([]);
      expect(run.deadLetters).toBe(0);
      const failedArticles = new Set(failedLanguageFiles(run).map((path) => path.split("/")[1]));
      const unexplained = articlesDiffering(run).filter(
        (key) => !failedArticles.has(articleIdFromKey(key)),
      );
      expect(unexplained).toEqual([]);
      for (const path of failedLanguageFiles(run)) {
        expect(JSON.parse(run.snapshot.get(path) ?? "{}").errorType).toBe(
          "TranslateUnavailableError",
        );
      }
    },
  );
});

describe("an S3 write that fails once (every output key)", () => {
  it("should complete every good article exactly like the clean run", () => {
    const run = scenarios.failedWrite as ScenarioResult;
    expect(run.faultHits).toBeGreaterThan(20);
    const good = KEYS.filter((k) => !BAD_INPUTS.includes(k));
    expect(articlesDiffering(run).filter((k) => good.includes(k))).toEqual([]);
    expect(good.filter((k) => !run.events.get(k))).toEqual([]);
    expect(run.deadLetters).toBe(0);
  });

  it("should still write a bad input's failed manifest and event (normalize no longer skips on error.json alone)", () => {
    const run = scenarios.failedWrite as ScenarioResult;
    expect(BAD_INPUTS.map((k) => manifestOf(run, k)?.status)).toEqual(["failed", "failed"]);
    expect(BAD_INPUTS.map((k) => run.events.get(k) ?? 0)).toEqual([1, 1]);
  });

  it("should bill no more characters than the clean run (the .json is written first, retried, and the .txt rebuilt from it)", () => {
    expect((scenarios.failedWrite as ScenarioResult).meter.billedCharacters).toBe(
      clean.meter.billedCharacters,
    );
  });
});

describe("a handler that dies between two writes (after every output write, once)", () => {
  it("should complete every good article exactly like the clean run, and announce it", () => {
    const run = scenarios.crash as ScenarioResult;
    expect(run.faultHits).toBeGreaterThan(20);
    const good = KEYS.filter((k) => !BAD_INPUTS.includes(k));
    expect(articlesDiffering(run).filter((k) => good.includes(k))).toEqual([]);
    expect(good.filter((k) => !run.events.get(k))).toEqual([]);
    expect(run.deadLetters).toBe(0);
  });

  it("should leave a bad input its error record", () => {
    const run = scenarios.crash as ScenarioResult;
    const errors = BAD_INPUTS.map((k) =>
      run.snapshot.get(outputKey(articleIdFromKey(k), OUTPUT_FILES.error)),
    );
    expect(errors.map((e) => (e ? JSON.parse(e).stage : undefined))).toEqual([
      "normalize",
      "normalize",
    ]);
  });

  it("should write a bad input's failed manifest and send its event when the handler died after error.json or after the manifest", () => {
    const run = scenarios.crash as ScenarioResult;
    expect(BAD_INPUTS.map((k) => manifestOf(run, k)?.status)).toEqual(["failed", "failed"]);
    expect(BAD_INPUTS.map((k) => run.events.get(k) ?? 0)).toEqual([1, 1]);
  });

  it("should bill no more characters than the clean run (the .json is written first, retried, and the .txt rebuilt from it)", () => {
    expect((scenarios.crash as ScenarioResult).meter.billedCharacters).toBe(
      clean.meter.billedCharacters,
    );
  });
});

describe("translation off: summarize writes the manifest", () => {
  it("should announce every article when the handler died right after the manifest", async () => {
    // Act
    const run = await runScenario({
      languages: [],
      storeFaults: [{ kind: "crash-after-write", keys: /\/manifest\.json$/ }],
    });

    // Assess
    expect(run.faultHits).toBe(KEYS.length);
    expect(KEYS.filter((k) => !manifestOf(run, k))).toEqual([]);
    expect(KEYS.filter((k) => !run.events.get(k))).toEqual([]);
  });
});

describe("report.html whose write fails once", () => {
  it("should still give the manifest its report (the PUT is retried, and the delivery fails rather than drop it)", async () => {
    // Prepare: one article, one language, so no other finisher writes the report in its place.
    const batch = [articleBatch()[0] as { key: string; body: Uint8Array }];

    // Act
    const run = await runScenario({
      batch,
      languages: ["es"],
      storeFaults: [{ kind: "fail-write", keys: /\/report\.html$/ }],
    });

    // Assess
    expect(run.faultHits).toBe(1);
    const manifest = manifestOf(run, batch[0]?.key ?? "");
    expect(manifest?.status).toBe("complete");
    expect((manifest?.outputs as { report?: string } | undefined)?.report).toBeDefined();
  });
});
