/**
 * The translation memory of one job (article version × language): claims/memory-<lang>.json, the requests
 * Amazon Translate already answered (and billed) in deliveries that failed before the language was done. The
 * next delivery answers those from it and pays only for the rest; the billed-so-far figures travel with it so
 * translations/<lang>.json states what the language cost across every delivery, as the invoice will.
 *
 * It is kept after the language succeeds: bookkeeping of what earlier deliveries paid (the store port has no
 * delete, and the stages' grant need not include one); the .json outcome makes every later copy skip anyway.
 */
import { BOOKKEEPING_FOLDER, outputKey } from "../../contract/keys";
import type { TranslationMemory } from "../../translate/port";
import type { ObjectStore } from "../ports";
import { isMadeFrom, provenanceMetadata, type SourceRef } from "../provenance";
import { JSON_TYPE, toJson } from "./context";

export const translationMemoryFile = (lang: string) => `${BOOKKEEPING_FOLDER}memory-${lang}.json`;

interface MemoryBody {
  articleId: string;
  language: string;
  charactersBilled: number;
  requests: number;
  /** [request text, answer] pairs: JSON has no Map. */
  translations: [string, string][];
}

export interface MemoryScope {
  store: ObjectStore;
  bucket: string;
  articleId: string;
  language: string;
  source: SourceRef;
}

/** A loaded memory, and how much it held when loaded (so a failed delivery saves only when it gained). */
export interface LoadedMemory {
  memory: TranslationMemory;
  loadedEntries: number;
  /** What earlier deliveries billed: added to this delivery's figures in the translation record. */
  billedBefore: { charactersBilled: number; requests: number };
}

/** The memory of this source version, or an empty one (none stored, another version's, or unreadable). */
export async function loadTranslationMemory(scope: MemoryScope): Promise<LoadedMemory> {
  const stored = await scope.store.get(scope.bucket, memoryKey(scope));
  const body =
    isMadeFrom(stored, scope.source.etag) && stored ? parseMemory(stored.body) : undefined;
  const memory: TranslationMemory = {
    translations: new Map(body?.translations ?? []),
    charactersBilled: body?.charactersBilled ?? 0,
    requests: body?.requests ?? 0,
  };
  return {
    memory,
    loadedEntries: memory.translations.size,
    billedBefore: { charactersBilled: memory.charactersBilled, requests: memory.requests },
  };
}

/** Writes the memory when this delivery added to it; returns whether it wrote. */
export async function saveTranslationMemory(
  scope: MemoryScope,
  loaded: LoadedMemory,
  provenance: { startedAt: string; durationMs: number },
): Promise<boolean> {
  const { memory } = loaded;
  if (memory.translations.size <= loaded.loadedEntries) return false;
  const body: MemoryBody = {
    articleId: scope.articleId,
    language: scope.language,
    charactersBilled: memory.charactersBilled,
    requests: memory.requests,
    translations: [...memory.translations],
  };
  await scope.store.put(scope.bucket, memoryKey(scope), toJson(body), {
    contentType: JSON_TYPE,
    metadata: provenanceMetadata({ source: scope.source, ...provenance }),
  });
  return true;
}

function memoryKey(scope: MemoryScope): string {
  return outputKey(scope.articleId, translationMemoryFile(scope.language));
}

function parseMemory(bytes: Uint8Array): MemoryBody | undefined {
  try {
    const body = JSON.parse(Buffer.from(bytes).toString("utf8")) as Partial<MemoryBody>;
    const valid =
      Array.isArray(body.translations) &&
      typeof body.charactersBilled === "number" &&
      typeof body.requests === "number";
    return valid ? (body as MemoryBody) : undefined;
  } catch {
    // An unreadable memory only costs a full-price delivery, never a wrong translation.
    return undefined;
  }
}
