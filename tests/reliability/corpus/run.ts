/**
 * Drops the whole corpus into one local stack at once (the cases run concurrently, as users' drops would),
 * waits for the queues to drain, then reads back what each case left in the results bucket.
 */
import { DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import type { LocalStack } from "../../../infra/local/stack";
import type { NormalizedArticle } from "../../../shared/contract/article";
import { articleIdFromKey, OUTPUT_FILES, RESULTS_PREFIX } from "../../../shared/contract/keys";
import type { ErrorRecord, Manifest } from "../../../shared/contract/manifest";
import type { ArticleSummary } from "../../../shared/contract/summary";
import type { ArticleTranslation } from "../../../shared/contract/translation";
import { type CaseOutputs, CORPUS_TARGET, type CorpusCase } from "./cases";

export interface CaseResult {
  case: CorpusCase;
  outputs: CaseOutputs;
  problems: string[];
}

export async function put(stack: LocalStack, key: string, body: Uint8Array): Promise<void> {
  await stack.client.send(
    new PutObjectCommand({ Bucket: stack.buckets.ingest, Key: key, Body: body }),
  );
}

export async function dropCorpus(
  stack: LocalStack,
  cases: readonly CorpusCase[],
): Promise<CaseResult[]> {
  const events = new Map<string, string[]>();
  const unsubscribe = stack.events.onArticleProcessed((detail) => {
    events.set(detail.source.key, [...(events.get(detail.source.key) ?? []), detail.source.etag]);
  });
  try {
    await Promise.all(
      cases.map(async (c) => {
        if (c.drop === "twice")
          await Promise.all([put(stack, c.key, c.body), put(stack, c.key, c.body)]);
        else await put(stack, c.key, c.body);
        // The second version lands while the first is being processed.
        if (c.drop === "replaced" && c.replacement) await put(stack, c.key, c.replacement);
      }),
    );
    await stack.queues.idle();
    const deleted = cases.filter((c) => c.drop === "then-delete");
    for (const c of deleted) {
      await stack.client.send(
        new DeleteObjectCommand({ Bucket: stack.buckets.ingest, Key: c.key }),
      );
    }
    await stack.queues.idle();
  } finally {
    unsubscribe();
  }
  return Promise.all(
    cases.map(async (c) => {
      const outputs = await readOutputs(stack, c.key, events.get(c.key) ?? []);
      return { case: c, outputs, problems: c.verify(outputs) };
    }),
  );
}

export async function readOutputs(
  stack: LocalStack,
  key: string,
  eventEtags: readonly string[],
): Promise<CaseOutputs> {
  const prefix = `${RESULTS_PREFIX}${articleIdFromKey(key)}/`;
  const keys = await stack.store.list(stack.buckets.results, prefix);
  const files = new Map<string, Uint8Array>();
  const contentTypes = new Map<string, string>();
  await Promise.all(
    keys.map(async (k) => {
      const stored = await stack.store.get(stack.buckets.results, k);
      if (!stored) return;
      files.set(k.slice(prefix.length), stored.body);
      contentTypes.set(k.slice(prefix.length), stored.contentType ?? "");
    }),
  );
  const json = <T>(file: string): T | undefined => {
    const body = files.get(file);
    return body ? (JSON.parse(Buffer.from(body).toString("utf8")) as T) : undefined;
  };
  const manifest = json<Manifest>(OUTPUT_FILES.manifest);
  const current = eventEtags.filter((etag) => etag === manifest?.source.etag).length;
  const outputs: CaseOutputs = {
    files,
    contentTypes,
    events: current,
    otherVersionEvents: eventEtags.length - current,
  };
  const article = json<NormalizedArticle>(OUTPUT_FILES.article);
  const summary = json<ArticleSummary>(OUTPUT_FILES.summary);
  const translation = json<ArticleTranslation>(OUTPUT_FILES.translationJson(CORPUS_TARGET));
  const error = json<ErrorRecord>(OUTPUT_FILES.error);
  if (manifest) outputs.manifest = manifest;
  if (article) outputs.article = article;
  if (summary) outputs.summary = summary;
  if (translation) outputs.translation = translation;
  if (error) outputs.error = error;
  return outputs;
}
