/**
 * The sample article, normalized and summarized, stored as a summarize stage would leave it, and a way to
 * deliver its Spanish translate job: shared by the translate stage tests so each states only what it varies.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../../../shared/contract/keys";
import { normalizeArticle } from "../../../../shared/normalize";
import { parseConfig } from "../../../../shared/pipeline/config";
import type { TranslateJob, Translator } from "../../../../shared/pipeline/ports";
import { provenanceMetadata } from "../../../../shared/pipeline/provenance";
import { toJson } from "../../../../shared/pipeline/stages/context";
import type { Deadline } from "../../../../shared/pipeline/stages/deadline";
import { delivery } from "../../../../shared/pipeline/stages/delivery";
import { runTranslateStage } from "../../../../shared/pipeline/stages/translate";
import { summarizeArticle } from "../../../../shared/summarize";
import { MemoryStore } from "../../../support/memory-store";

export const RESULTS = "results-bucket";
export const SOURCE = { bucket: "ingest", key: "incoming/harbour-strike.txt", etag: "v1" };
export const ID = articleIdFromKey(SOURCE.key);
const SAMPLE = join(import.meta.dirname, "../../../fixtures/samples/harbour-strike.txt");
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** A store holding this version's article.json and summary.json, as the summarize stage writes them. */
export async function storeWithSummarizedSample(): Promise<MemoryStore> {
  const store = new MemoryStore();
  const article = normalizeArticle({ bytes: readFileSync(SAMPLE), fileName: SOURCE.key });
  const summary = summarizeArticle(article, { mode: "sentences", value: 3 });
  const metadata = provenanceMetadata({ source: SOURCE, startedAt: "", durationMs: 0 });
  await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.article), toJson(article), { metadata });
  await store.put(RESULTS, outputKey(ID, OUTPUT_FILES.summary), toJson(summary), { metadata });
  return store;
}

/** One delivery of the article's Spanish job (of 5 allowed) to the translate stage, with no deadline by default. */
export function deliverSpanishJob(
  store: MemoryStore,
  translator: Translator,
  attempt = 1,
  deadline?: Deadline,
) {
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
      ...(deadline ? { deadline } : {}),
    },
    { job, delivery: delivery(attempt, 5) },
  );
}
