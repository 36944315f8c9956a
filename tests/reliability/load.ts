/**
 * Load: N articles dropped at once into one local stack, then counted at the far end. Every article must end
 * with exactly one manifest and one completion event: "lost" are articles without a manifest (or whose
 * message ended in the dead-letter folder), "duplicated" are completion events beyond one per article.
 */
import { forEachLimited } from "../../infra/local/run";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import { put } from "./corpus/run";
import { englishSentence, utf8 } from "./corpus/text";
import { startReliabilityStack } from "./harness/stack";
import { type MockedTranslate, mockedTranslate } from "./harness/translate";

export type LoadTranslator = "none" | "mock";

export interface LoadOptions {
  count: number;
  translator: LoadTranslator;
  /** PUTs in flight at once while dropping (a burst of users, not one socket per article). */
  uploadConcurrency?: number;
}

export interface LoadResult {
  articles: number;
  manifests: number;
  lost: number;
  duplicated: number;
  wallMs: number;
  peakRssMb: number;
}

export interface LoadDetails extends LoadResult {
  translator: LoadTranslator;
  deadLetters: number;
  /** Articles per second, upload of the first to the queues going idle. */
  articlesPerSecond: number;
  billedCharacters: number;
}

/** Article i: a few generated paragraphs, different for every i so no two are the same object. */
export function loadArticle(i: number): Uint8Array {
  const paragraphs = [0, 1, 2].map((p) =>
    [0, 1, 2].map((s) => englishSentence(i * 9 + p * 3 + s)).join(" "),
  );
  return utf8(`Harbour report number ${i + 1}\n\n${paragraphs.join("\n\n")}`);
}

export function loadKey(i: number): string {
  return `incoming/load/${String(Math.floor(i / 100)).padStart(3, "0")}/article-${i}.txt`;
}

export async function runLoad(options: LoadOptions): Promise<LoadDetails> {
  const translate: MockedTranslate | undefined =
    options.translator === "mock" ? mockedTranslate() : undefined;
  const reliability = await startReliabilityStack({
    ...(translate ? { translator: translate.translator, targetLanguages: ["es"] } : {}),
  });
  const { stack } = reliability;
  const events = new Map<string, number>();
  const unsubscribe = stack.events.onArticleProcessed((detail) => {
    events.set(detail.source.key, (events.get(detail.source.key) ?? 0) + 1);
  });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  try {
    const keys = Array.from({ length: options.count }, (_, i) => loadKey(i));
    const started = performance.now();
    await forEachLimited(
      keys.map((key, i) => ({ key, i })),
      options.uploadConcurrency ?? 32,
      ({ key, i }) => put(stack, key, loadArticle(i)),
    );
    await stack.queues.idle();
    const wallMs = Math.round(performance.now() - started);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const heads = await Promise.all(
      keys.map((key) =>
        stack.store.head(
          stack.buckets.results,
          outputKey(articleIdFromKey(key), OUTPUT_FILES.manifest),
        ),
      ),
    );
    const manifests = heads.filter((head) => head !== undefined).length;
    const deadLetters = stack.queues.deadLetters.list().length;
    const duplicated = keys.reduce((sum, key) => sum + Math.max(0, (events.get(key) ?? 0) - 1), 0);
    const announced = keys.filter((key) => (events.get(key) ?? 0) > 0).length;
    return {
      articles: options.count,
      manifests,
      lost: options.count - Math.min(manifests, announced),
      duplicated,
      wallMs,
      peakRssMb: Math.round(peakRss / (1024 * 1024)),
      translator: options.translator,
      deadLetters,
      articlesPerSecond: Number((options.count / (wallMs / 1000)).toFixed(1)),
      billedCharacters: translate?.meter.billedCharacters ?? 0,
    };
  } finally {
    clearInterval(sampler);
    unsubscribe();
    await reliability.dispose();
    translate?.restore();
  }
}
