/**
 * Translate stage: a paid translation is never paid again because of a lost write, and copies of one job
 * running at once pay once. Domain code runs for real on the sample article; the store is in memory.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import { normalizeArticle } from "../../../../shared/normalize";
import { parseConfig } from "../../../../shared/pipeline/config";
import type { TranslateJob, Translator } from "../../../../shared/pipeline/ports";
import { provenanceMetadata } from "../../../../shared/pipeline/provenance";
import { toJson } from "../../../../shared/pipeline/stages/context";
import { runTranslateStage } from "../../../../shared/pipeline/stages/translate";
import { summarizeArticle } from "../../../../shared/summarize";
import { MemoryStore } from "./memory-store";

const RESULTS = "results-bucket";
const SOURCE = { bucket: "ingest", key: "incoming/harbour-strike.txt", etag: "v1" };
const ID = articleIdFromKey(SOURCE.key);
const SAMPLE = join(import.meta.dirname, "../../../fixtures/samples/harbour-strike.txt");
const silent = { debug() {}, info() {}, warn() {}, error() {} };

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
  const store = new MemoryStore();
  const article = normalizeArticle({ bytes: readFileSync(SAMPLE), fileName: SOURCE.key });
  const summary = summarizeArticle(article, { mode: "sentences", value: 3 });
  const metadata = provenanceMetadata({ source: SOURCE, startedAt: "", durationMs: 0 });
  await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.article), toJson(article), { metadata });
  await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.summary), toJson(summary), { metadata });
  return { store, translator: new CountingTranslator() };
}

function run(store: MemoryStore, translator: Translator, attempt = 1) {
  const job: TranslateJob = {
    articleId: ID,
    source: SOURCE,
    targetLanguage: "es",
    targetLanguages: ["es"],
  };
  return runTranslateStage(
    {
      store,
      translator,
      events: { publishArticleProcessed: async () => {} },
      config: parseConfig({ RESULTS_BUCKET: RESULTS, TARGET_LANGUAGES: "es" }),
      logger: silent,
      now: () => new Date(),
    },
    { job, delivery: { attempt, maxAttempts: 5 } },
  );
}

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
