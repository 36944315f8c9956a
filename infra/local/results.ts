/** Reads an article's outputs back from the results bucket and mirrors them to a local folder. */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { CLAIMS_FOLDER, OUTPUT_FILES, outputKey, RESULTS_PREFIX } from "../../shared/contract/keys";
import type { ErrorRecord, Manifest } from "../../shared/contract/manifest";
import type { ArticleSummary } from "../../shared/contract/summary";
import type { LocalStack } from "./stack";

export interface ArticleResult {
  manifest?: Manifest;
  summary?: ArticleSummary;
  error?: ErrorRecord;
  /** Every output under results/<id>/, as bucket keys (bookkeeping such as translation claims left out). */
  keys: string[];
}

async function readJson<T>(stack: LocalStack, key: string): Promise<T | undefined> {
  const stored = await stack.store.get(stack.buckets.results, key);
  if (!stored) return undefined;
  return JSON.parse(Buffer.from(stored.body).toString("utf8")) as T;
}

export async function readArticleResult(
  stack: LocalStack,
  articleId: string,
): Promise<ArticleResult> {
  const [manifest, summary, error, keys] = await Promise.all([
    readJson<Manifest>(stack, outputKey(articleId, OUTPUT_FILES.manifest)),
    readJson<ArticleSummary>(stack, outputKey(articleId, OUTPUT_FILES.summary)),
    readJson<ErrorRecord>(stack, outputKey(articleId, OUTPUT_FILES.error)),
    stack.store.list(stack.buckets.results, `${RESULTS_PREFIX}${articleId}/`),
  ]);
  const bookkeeping = outputKey(articleId, CLAIMS_FOLDER);
  return {
    ...(manifest ? { manifest } : {}),
    ...(summary ? { summary } : {}),
    ...(error ? { error } : {}),
    keys: keys.filter((key) => !key.startsWith(bookkeeping)),
  };
}

/**
 * Copies every output of the article to `<outDir>/<bucket key>`: the results bucket's layout. The article's
 * folder is emptied first, so files of an earlier run (a language no longer asked for) do not linger.
 */
export async function downloadOutputs(
  stack: LocalStack,
  articleId: string,
  keys: readonly string[],
  outDir: string,
): Promise<Map<string, string>> {
  const root = resolve(outDir);
  const folder = join(root, ...`${RESULTS_PREFIX}${articleId}`.split("/"));
  if (folder.startsWith(root + sep)) await rm(folder, { recursive: true, force: true });
  const local = new Map<string, string>();
  for (const key of keys) {
    const path = join(root, ...key.split("/"));
    // Keys come from our own bucket, but a key with ".." must still not write outside --out.
    if (!path.startsWith(root + sep)) continue;
    const stored = await stack.store.get(stack.buckets.results, key);
    if (!stored) continue;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, stored.body);
    local.set(key, path);
  }
  return local;
}
