import { describe, expect, it } from "vitest";
import { ApertiumTranslator } from "../../../shared/adapters/apertium";
import {
  partialTranslationOf,
  type StopSignal,
  TranslationStoppedError,
} from "../../../shared/translate/port";
import { apertiumMissingReason } from "./availability";

const missing = apertiumMissingReason();
if (missing) console.warn(`Skipping the real Apertium chunking tests: ${missing}`);

// Processes start slowly on a loaded machine: the tests keep to a few chunks each.
const TIMEOUT_MS = 120_000;
const TEXTS = Array.from(
  { length: 24 },
  (_, i) => `The river rose ${i} metres overnight and the town was flooded.`,
);

/** A signal that lets `allowed` chunks start, then reads as aborted (the deadline guard's behaviour). */
function stopAfter(allowed: number): StopSignal {
  let reads = 0;
  return {
    get aborted() {
      reads++;
      return reads > allowed;
    },
  };
}

describe.skipIf(missing !== undefined)(
  "ApertiumTranslator chunking (real apertium eng-spa)",
  () => {
    it(
      "should give the same translation in many small processes as in one",
      async () => {
        // Prepare
        const whole = new ApertiumTranslator({ chunkBytes: Number.POSITIVE_INFINITY });
        const chunked = new ApertiumTranslator({ chunkBytes: 250, concurrency: 3 });
        const request = { sourceLanguage: "en", targetLanguage: "es", texts: TEXTS };
        // Act
        const [one, many] = await Promise.all([
          whole.translateTexts(request),
          chunked.translateTexts(request),
        ]);
        // Assess
        expect(one.requests).toBe(1);
        expect(many.requests).toBeGreaterThanOrEqual(4);
        expect(many.texts).toEqual(one.texts);
      },
      TIMEOUT_MS,
    );

    it(
      "should cut a sentence longer than a chunk and join its pieces",
      async () => {
        const long = Array.from({ length: 40 }, () => "the water is rising").join(" and ");
        const translator = new ApertiumTranslator({ chunkBytes: 200 });
        const result = await translator.translateTexts({
          sourceLanguage: "en",
          targetLanguage: "es",
          texts: ["Hello.", long, "The end."],
        });
        expect(result.texts).toHaveLength(3);
        expect(result.requests).toBeGreaterThan(3);
        expect(result.texts[1]).toMatch(/agua/);
        expect(result.texts[1]).not.toContain("\n");
        expect(result.texts[2]).toMatch(/fin/i);
      },
      TIMEOUT_MS,
    );

    it(
      "should stop starting chunks once told to and attach what it translated",
      async () => {
        // Prepare: one process at a time, 250-byte chunks; two may start.
        const translator = new ApertiumTranslator({ chunkBytes: 250, concurrency: 1 });
        // Act
        const error = await translator
          .translateTexts({
            sourceLanguage: "en",
            targetLanguage: "es",
            texts: TEXTS,
            signal: stopAfter(2),
          })
          .catch((e: unknown) => e);
        // Assess
        expect(error).toBeInstanceOf(TranslationStoppedError);
        const partial = partialTranslationOf(error);
        expect(partial?.requests).toBe(2);
        const done = partial?.texts.filter((t) => t !== undefined) ?? [];
        expect(done.length).toBeGreaterThan(0);
        expect(done.length).toBeLessThan(TEXTS.length);
        // The answered chunks are the first ones, in order.
        expect(partial?.texts.slice(0, done.length)).toEqual(done);
        expect(done[0]).toMatch(/r[ií]o/i);
      },
      TIMEOUT_MS,
    );

    it(
      "should throw the signal's own reason when it has one",
      async () => {
        const reason = new Error("deadline");
        const translator = new ApertiumTranslator({ chunkBytes: 250 });
        const run = translator.translateTexts({
          sourceLanguage: "en",
          targetLanguage: "es",
          texts: TEXTS,
          signal: { aborted: true, reason },
        });
        await expect(run).rejects.toBe(reason);
      },
      TIMEOUT_MS,
    );

    it(
      "should resume from a partial translation, sending only the chunks not answered",
      async () => {
        // Prepare
        const translator = new ApertiumTranslator({ chunkBytes: 250, concurrency: 1 });
        const request = { sourceLanguage: "en", targetLanguage: "es", texts: TEXTS };
        const full = await translator.translateTexts(request);
        const stoppedRun = await translator
          .translateTexts({ ...request, signal: stopAfter(2) })
          .catch((e: unknown) => e);
        const partial = partialTranslationOf(stoppedRun);
        // Act
        const resumed = await translator.translateTexts({ ...request, translated: partial?.texts });
        // Assess
        expect(partial?.requests).toBe(2);
        expect(resumed.requests).toBe(full.requests - 2);
        expect(resumed.texts).toEqual(full.texts);
      },
      TIMEOUT_MS,
    );
  },
);
