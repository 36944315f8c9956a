/**
 * A backfill's plan: list the stored objects, keep the ones the pipeline would process, and drop those whose
 * results already exist for the very version stored. Every output records the source etag it was made from
 * (shared/pipeline/provenance.ts), so a re-run after an interruption, or after a finished run, announces only
 * what has no result yet.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { articleIdFromKey, OUTPUT_FILES, outputKey } from "../../shared/contract/keys";
import type { ObjectStore } from "../../shared/pipeline/ports";
import { isMadeFrom } from "../../shared/pipeline/provenance";
import {
  type Exclusion,
  exclusionOf,
  type ListFilter,
  listSources,
  type StoredSource,
} from "./sources";

/**
 * Why a source is skipped although the pipeline would process it: its manifest (success or recorded failure)
 * is made from this version, or its article.json is (the rest of the pipeline has it in hand).
 */
export type Existing = "processed" | "in-progress";

export interface Plan {
  /** What will be announced, in listing order. */
  toSend: StoredSource[];
  listed: number;
  excluded: Record<Exclusion, number>;
  existing: Record<Existing, number>;
  /** Bytes of the sources to send. */
  bytes: number;
}

export interface PlanInput extends ListFilter {
  client: S3Client;
  /** Reads the results bucket (HEAD only). */
  store: ObjectStore;
  resultsBucket: string;
  /** HEAD requests at once. */
  concurrency?: number;
  onListed?: (count: number) => void;
  onChecked?: (done: number, total: number) => void;
}

/** The result this source version already has, if any. */
export async function existingResult(
  store: ObjectStore,
  resultsBucket: string,
  source: Pick<StoredSource, "key" | "etag">,
): Promise<Existing | undefined> {
  const articleId = articleIdFromKey(source.key);
  const head = (file: string) => store.head(resultsBucket, outputKey(articleId, file));
  if (isMadeFrom(await head(OUTPUT_FILES.manifest), source.etag)) return "processed";
  if (isMadeFrom(await head(OUTPUT_FILES.article), source.etag)) return "in-progress";
  return undefined;
}

export async function planBackfill(input: PlanInput): Promise<Plan> {
  const excluded: Record<Exclusion, number> = {
    folder: 0,
    unsupported: 0,
    older: 0,
    archived: 0,
    outside: 0,
  };
  const candidates: StoredSource[] = [];
  let listed = 0;
  for await (const source of listSources(input.client, input)) {
    listed += 1;
    const exclusion = exclusionOf(source, input);
    if (exclusion) excluded[exclusion] += 1;
    else candidates.push(source);
    if (listed % 1000 === 0) input.onListed?.(listed);
  }
  input.onListed?.(listed);

  const existing: Record<Existing, number> = { processed: 0, "in-progress": 0 };
  const found = new Array<Existing | undefined>(candidates.length);
  const slots = pLimit(input.concurrency ?? 16);
  let checked = 0;
  await Promise.all(
    candidates.map((source, index) =>
      slots(async () => {
        found[index] = await existingResult(input.store, input.resultsBucket, source);
        checked += 1;
        input.onChecked?.(checked, candidates.length);
      }),
    ),
  );
  const toSend: StoredSource[] = [];
  candidates.forEach((source, index) => {
    const result = found[index];
    if (result) existing[result] += 1;
    else toSend.push(source);
  });
  return {
    toSend,
    listed,
    excluded,
    existing,
    bytes: toSend.reduce((sum, source) => sum + source.size, 0),
  };
}
