/**
 * A small mixed batch for the duplicate and fault runs: short and multi-request articles, unspaced script,
 * hostile HTML and two bad inputs, into two languages. Then a run's outputs as comparable snapshots.
 */

import type { LocalStack } from "../../../infra/local/stack";
import { articleIdFromKey, RESULTS_PREFIX } from "../../../shared/contract/keys";
import { HOSTILE_HTML } from "../corpus/hostile-html";
import { put } from "../corpus/run";
import { binaryFile, CHINESE, englishArticle, MAGIC, utf8 } from "../corpus/text";

export const BATCH_LANGUAGES = ["es", "fr"] as const;

export interface BatchArticle {
  key: string;
  body: Uint8Array;
}

export function articleBatch(): BatchArticle[] {
  return [
    { key: "incoming/short.txt", body: utf8(englishArticle(4)) },
    // ~80 KB: nine TranslateText requests per language, so a retried language could re-bill finished ones.
    { key: "incoming/long.txt", body: utf8(englishArticle(300)) },
    { key: "incoming/zh.txt", body: utf8(CHINESE) },
    { key: "incoming/page.html", body: utf8(HOSTILE_HTML) },
    { key: "incoming/scan.pdf", body: binaryFile(MAGIC.pdf) },
    { key: "incoming/empty.json", body: utf8("{}") },
  ];
}

export interface BatchRun {
  /** Path in the results bucket → content, with the fields that record wall-clock time blanked. */
  snapshot: Map<string, string>;
  /** Completion events per source key. */
  events: Map<string, number>;
  /**
   * charactersBilled of each translation memory (claims/memory-<lang>.json, keyed by that path): what the
   * deliveries that stopped before a language had an outcome paid for. Left out of the snapshot, which a clean
   * run must match, but a failed language's bill is here.
   */
  memoryBills: Map<string, number>;
  deadLetters: number;
}

/** Waits for the queues, and for store calls still in flight (a crashed invocation's), until both are quiet. */
export async function settle(
  stack: LocalStack,
  store?: { drained(): Promise<void> },
): Promise<void> {
  for (;;) {
    await stack.queues.idle();
    if (!store) return;
    await store.drained();
    if (stack.queues.inFlight === 0) return;
  }
}

export async function dropBatch(
  stack: LocalStack,
  batch: readonly BatchArticle[],
  store?: { drained(): Promise<void> },
): Promise<BatchRun> {
  const events = new Map<string, number>();
  const unsubscribe = stack.events.onArticleProcessed((detail) => {
    events.set(detail.source.key, (events.get(detail.source.key) ?? 0) + 1);
  });
  try {
    await Promise.all(batch.map((a) => put(stack, a.key, a.body)));
    await settle(stack, store);
  } finally {
    unsubscribe();
  }
  return {
    snapshot: await snapshotOutputs(stack, batch),
    events,
    memoryBills: await memoryBills(stack, batch),
    deadLetters: stack.queues.deadLetters.list().length,
  };
}

/**
 * Every output of the batch. Manifests and error records carry when they were made (timings, `at`); those
 * differ between any two runs, so they are blanked and everything else must match byte for byte.
 */
export async function snapshotOutputs(
  stack: LocalStack,
  batch: readonly BatchArticle[],
): Promise<Map<string, string>> {
  const snapshot = new Map<string, string>();
  for (const article of batch) {
    const prefix = `${RESULTS_PREFIX}${articleIdFromKey(article.key)}/`;
    for (const key of await stack.store.list(stack.buckets.results, prefix)) {
      // Progress of deliveries that failed midway: a clean run has none, and the outputs are what must match.
      if (key.includes("/claims/memory-")) continue;
      const stored = await stack.store.get(stack.buckets.results, key);
      if (stored)
        snapshot.set(key, withoutClockTimes(key, Buffer.from(stored.body).toString("utf8")));
    }
  }
  return snapshot;
}

async function memoryBills(
  stack: LocalStack,
  batch: readonly BatchArticle[],
): Promise<Map<string, number>> {
  const bills = new Map<string, number>();
  for (const article of batch) {
    const prefix = `${RESULTS_PREFIX}${articleIdFromKey(article.key)}/`;
    for (const key of await stack.store.list(stack.buckets.results, prefix)) {
      if (!key.includes("/claims/memory-")) continue;
      const stored = await stack.store.get(stack.buckets.results, key);
      if (!stored) continue;
      const memory = JSON.parse(Buffer.from(stored.body).toString("utf8"));
      bills.set(key, Number(memory.charactersBilled));
    }
  }
  return bills;
}

function withoutClockTimes(key: string, text: string): string {
  if (!key.endsWith(".json")) return text;
  const value = JSON.parse(text) as Record<string, unknown>;
  if (key.endsWith("/manifest.json")) value.timings = "(clock)";
  if (key.endsWith("error.json")) value.at = "(clock)";
  // When a translation job was claimed or released, not who won the claim.
  if (key.includes("/claims/")) value.claimedAt = "(clock)";
  return JSON.stringify(value, null, 2);
}

/** The paths whose content differs between two snapshots, or that only one of them has. */
export function snapshotDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort();
}
