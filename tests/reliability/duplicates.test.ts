/**
 * At-least-once delivery, made systematic: every message of every stage (S3 notifications and translate jobs)
 * is delivered three times. Outputs must be byte-identical to a clean run's, with one completion event per
 * article, and Amazon Translate must bill nothing extra.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { englishArticle, utf8 } from "./corpus/text";
import { articleBatch, snapshotDifferences } from "./harness/articles";
import { duplicateDeliveries } from "./harness/deliveries";
import { runScenario, type ScenarioResult } from "./harness/scenario";
import { recordFigures } from "./results";

const KEYS = articleBatch().map((a) => a.key);

let clean: ScenarioResult;
let after: ScenarioResult;
let during: ScenarioResult;
let copies: { after: Record<string, number>; during: Record<string, number> };

beforeAll(async () => {
  clean = await runScenario();
  const late = duplicateDeliveries(2, "after");
  after = await runScenario({ wrapHandler: late.wrap });
  const early = duplicateDeliveries(2, "during");
  during = await runScenario({ wrapHandler: early.wrap });
  copies = { after: late.counter.copies, during: early.counter.copies };
  const figures = (run: ScenarioResult, extra: Record<string, number>) => ({
    copiesDelivered: extra,
    outputsDiffering: snapshotDifferences(clean.snapshot, run.snapshot).length,
    outputs: run.snapshot.size,
    eventsPerArticle: [Math.min(...run.events.values()), Math.max(...run.events.values())],
    billedCharacters: run.meter.billedCharacters,
    billedRatio: Number((run.meter.billedCharacters / clean.meter.billedCharacters).toFixed(3)),
    deadLetters: run.deadLetters,
  });
  recordFigures("duplicates", {
    articles: KEYS.length,
    cleanBilledCharacters: clean.meter.billedCharacters,
    after: figures(after, copies.after),
    during: figures(during, copies.during),
  });
}, 120_000);

describe("every event delivered three times", () => {
  it("should write byte-identical outputs and one event per article when copies arrive after the original", () => {
    expect(copies.after.normalize).toBe(2 * KEYS.length);
    expect(copies.after.translate).toBeGreaterThan(0);
    expect(snapshotDifferences(clean.snapshot, after.snapshot)).toEqual([]);
    expect(KEYS.map((k) => after.events.get(k))).toEqual(KEYS.map(() => 1));
    expect(after.deadLetters).toBe(0);
  });

  it("should bill no extra Translate character when copies arrive after the original", () => {
    expect(after.meter.billedCharacters).toBe(clean.meter.billedCharacters);
  });

  it("should write byte-identical outputs and one event per article when copies run alongside the original", () => {
    expect(copies.during.translate).toBeGreaterThan(0);
    expect(snapshotDifferences(clean.snapshot, during.snapshot)).toEqual([]);
    expect(KEYS.map((k) => during.events.get(k))).toEqual(KEYS.map(() => 1));
    expect(during.deadLetters).toBe(0);
  });
});

describe("copies of one translate job running at the same time", () => {
  it("should bill the job once (the copies find the claim, wait for its holder and skip)", async () => {
    // Prepare: one article, one language, room for all three deliveries at once (Lambda scales out).
    const batch = [{ key: "incoming/concurrent.txt", body: utf8(englishArticle(20)) }];
    const single = await runScenario({ batch, languages: ["es"] });
    const triple = duplicateDeliveries(2, "during");

    // Act
    const run = await runScenario({
      batch,
      languages: ["es"],
      wrapHandler: triple.wrap,
      concurrency: { translate: 3 },
    });

    // Assess
    expect(snapshotDifferences(single.snapshot, run.snapshot)).toEqual([]);
    expect(run.meter.billedCharacters).toBe(single.meter.billedCharacters);
  });
});
