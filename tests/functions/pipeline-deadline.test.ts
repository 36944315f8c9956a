/** The translate handler reads Lambda's remaining time from its context and hands a job back before it. */

import type { Context } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { localContext, type SqsHandler } from "../../functions/common/sqs-handler";
import { OUTPUT_FILES } from "../../shared/contract/keys";
import type { Manifest } from "../../shared/contract/manifest";
import { STOP_SENDING_RESERVE_MS } from "../../shared/pipeline/stages/translate-job";
import { translationClaimFile } from "../../shared/pipeline/stages/translation-claim";
import { FakeAws, RESULTS } from "./fake-aws";
import { completionEvents, key, SAMPLE, SOURCE_KEY } from "./pipeline-fixture";
import { createHarness, type Harness } from "./pipeline-harness";

let aws: FakeAws;
let pipeline: Harness;

beforeEach(() => {
  vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "true");
  aws = new FakeAws();
  pipeline = createHarness(aws, { TARGET_LANGUAGES: "es" });
});

afterEach(() => {
  aws.restore();
  vi.unstubAllEnvs();
});

async function deliverAll(stage: "normalize" | "summarize"): Promise<void> {
  while (aws.pending[stage].length > 0) {
    const { event, batch } = aws.receive(stage);
    const response = await pipeline.handlers[stage](event);
    aws.settle(stage, batch, response);
  }
}

describe("translate near Lambda's timeout", () => {
  it("should hand the job back unbilled with its claim released, then finish it on the next delivery", async () => {
    // Prepare: the article is summarized and its Spanish job queued; the invocation has too little time left.
    aws.upload(SOURCE_KEY, SAMPLE);
    await deliverAll("normalize");
    await deliverAll("summarize");
    const late: Context = {
      ...localContext("translate"),
      getRemainingTimeInMillis: () => STOP_SENDING_RESERVE_MS - 1,
    };
    const translate = pipeline.handlers.translate as SqsHandler;
    const { event, batch } = aws.receive("translate");

    // Act
    const response = await translate(event, late);
    aws.settle("translate", batch, response);
    const claim = aws.json<{ status: string }>(RESULTS, key(translationClaimFile("es")));
    const billedBeforeRetry = aws.translateCalls.length;
    await pipeline.drain();

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
    expect(claim.status).toBe("released");
    expect(billedBeforeRetry).toBe(0);
    expect(aws.translateCalls.length).toBeGreaterThan(0);
    expect(aws.json<Manifest>(RESULTS, key(OUTPUT_FILES.manifest)).status).toBe("complete");
    expect(completionEvents(aws)).toHaveLength(1);
    expect(aws.deadLetters.translate).toEqual([]);
  });
});
