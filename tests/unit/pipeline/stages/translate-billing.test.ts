import { describe, expect, it } from "vitest";
import { OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import type { Translator } from "../../../../shared/pipeline/ports";
import type { MemoryStore } from "../../../support/memory-store";
import { deliverSpanishJob, ID, RESULTS, storeWithSummarizedSample } from "./translate-fixture";

class CountingTranslator implements Translator {
  readonly engine = "amazon-translate" as const;
  readonly settings = {};
  calls = 0;
  async translateTexts(request: { texts: readonly string[] }) {
    this.calls += 1;
    const texts = request.texts.map((t) => `[es] ${t}`);
    return { texts, charactersBilled: texts.join("\n").length, requests: 1 };
  }
}

async function prepared(): Promise<{ store: MemoryStore; translator: CountingTranslator }> {
  return { store: await storeWithSummarizedSample(), translator: new CountingTranslator() };
}

const run = deliverSpanishJob;

const jsonKey = outputKey(ID, OUTPUT_FILES.translationJson("es"));
const textKey = outputKey(ID, OUTPUT_FILES.translationText("es"));

describe("runTranslateStage billing", () => {
  it("should write the .json before the .txt", async () => {
    // Prepare
    const { store, translator } = await prepared();

    // Act
    await run(store, translator);

    // Assess
    expect(store.puts.indexOf(jsonKey)).toBeGreaterThanOrEqual(0);
    expect(store.puts.indexOf(jsonKey)).toBeLessThan(store.puts.indexOf(textKey));
  });

  it("should retry a refused output write in process instead of translating again", async () => {
    // Prepare
    const { store, translator } = await prepared();
    store.failNext.set(jsonKey, 2);
    store.failNext.set(textKey, 1);

    // Act
    const result = await run(store, translator);

    // Assess
    expect(result.outcome).toBe("written");
    expect(translator.calls).toBe(1);
    expect(store.text(RESULTS, textKey)).toContain("[es]");
  });

  it("should rebuild a missing .txt from the stored .json with no Translate call", async () => {
    // Prepare
    const { store, translator } = await prepared();
    await run(store, translator);
    const expected = store.text(RESULTS, textKey);
    store.objects.delete(`${RESULTS}/${textKey}`);
    store.objects.delete(`${RESULTS}/${outputKey(ID, OUTPUT_FILES.manifest)}`);
    const again = new CountingTranslator();

    // Act
    const result = await run(store, again, 2);

    // Assess
    expect(again.calls).toBe(0);
    expect(result.charactersBilled).toBe(0);
    expect(store.text(RESULTS, textKey)).toBe(expected);
    expect(result.finalize).toBe("written");
  });

  it("should translate once when three copies of the job run at the same time", async () => {
    // Prepare
    const { store, translator } = await prepared();

    // Act
    const results = await Promise.all([
      run(store, translator),
      run(store, translator),
      run(store, translator),
    ]);

    // Assess
    expect(translator.calls).toBe(1);
    expect(results.map((r) => r.outcome).sort()).toEqual(["skipped", "skipped", "written"]);
  });

  it("should release the claim of a delivery whose translation failed, so its retry is not blocked", async () => {
    // Prepare
    const { store } = await prepared();
    const throttled: Translator = {
      engine: "amazon-translate",
      settings: {},
      translateTexts: async () => {
        throw Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
      },
    };
    await expect(run(store, throttled)).rejects.toThrow("Rate exceeded");
    const translator = new CountingTranslator();

    // Act
    const result = await run(store, translator, 2);

    // Assess
    expect(result.outcome).toBe("written");
    expect(translator.calls).toBe(1);
  });
});
