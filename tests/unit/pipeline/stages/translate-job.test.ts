/** readJobState: the translate job's state, read from its files alone, one case per state. */
import { describe, expect, it } from "vitest";
import { OUTPUT_FILES } from "../../../../shared/contract/keys";
import {
  type ArticleOutputs,
  articleOutputs,
} from "../../../../shared/pipeline/stages/article-outputs";
import { JOB_STATE, readJobState } from "../../../../shared/pipeline/stages/translate-job";
import {
  CLAIM_STALE_AFTER_MS,
  claimTranslation,
} from "../../../../shared/pipeline/stages/translation-claim";
import { ID, RESULTS, SOURCE, storeWithSummarizedSample } from "./translate-fixture";

const T0 = new Date("2026-01-01T00:00:00Z");
const silent = { debug() {}, info() {}, warn() {}, error() {} };

async function job(etag = SOURCE.etag): Promise<ArticleOutputs> {
  const store = await storeWithSummarizedSample();
  return articleOutputs({ store, bucket: RESULTS, now: () => T0, logger: silent }, ID, {
    ...SOURCE,
    etag,
  });
}

describe("readJobState", () => {
  it("should read OPEN when nothing was done or claimed for this version", async () => {
    // Prepare
    const outputs = await job();

    // Act
    const reading = await readJobState(outputs, "es", T0);

    // Assess
    expect(reading).toEqual({ state: JOB_STATE.OPEN });
  });

  it("should read DONE with the .json and the .txt, PAID_NOT_RENDERED with the .json alone", async () => {
    // Prepare
    const outputs = await job();
    await outputs.writeJson(OUTPUT_FILES.translationJson("es"), { blocks: [] });
    const paid = await readJobState(outputs, "es", T0);
    await outputs.writeText(OUTPUT_FILES.translationText("es"), "hola");

    // Act
    const done = await readJobState(outputs, "es", T0);

    // Assess
    expect(paid.state).toBe(JOB_STATE.PAID_NOT_RENDERED);
    expect(done.state).toBe(JOB_STATE.DONE);
  });

  it("should read FAILED with this version's error record", async () => {
    // Prepare
    const outputs = await job();
    await outputs.writeJson(OUTPUT_FILES.translationError("es"), { errorType: "X" });

    // Act
    const reading = await readJobState(outputs, "es", T0);

    // Assess
    expect(reading.state).toBe(JOB_STATE.FAILED);
  });

  it("should read STALE when article.json is of another version", async () => {
    // Prepare
    const outputs = await job("v2");

    // Act
    const reading = await readJobState(outputs, "es", T0);

    // Assess
    expect(reading.state).toBe(JOB_STATE.STALE);
  });

  it("should read CLAIMED while a claim is held and fresh, OPEN once released or stale", async () => {
    // Prepare
    const outputs = await job();
    const claim = await claimTranslation(outputs, "es", () => T0);
    const stale = new Date(T0.getTime() + CLAIM_STALE_AFTER_MS);

    // Act
    const held = await readJobState(outputs, "es", T0);
    const afterTimeout = await readJobState(outputs, "es", stale);
    await claim.release();
    const released = await readJobState(outputs, "es", T0);

    // Assess
    expect(held).toEqual({ state: JOB_STATE.CLAIMED, since: T0.toISOString() });
    expect(afterTimeout.state).toBe(JOB_STATE.OPEN);
    expect(released.state).toBe(JOB_STATE.OPEN);
  });
});
