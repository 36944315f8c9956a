/**
 * The translation memory of one job (article version × language): claims/memory-<lang>.json, the sentences
 * Amazon Translate already translated (and billed) in deliveries that stopped before the language was done.
 * The stage owns it, not the engine: the next delivery sends only the sentences it lacks, and the
 * billed-so-far figures travel with it so translations/<lang>.json states what the language cost across every
 * delivery, as the invoice will.
 *
 * It is kept after the language succeeds: bookkeeping of what earlier deliveries paid (the store port has no
 * delete, and the stages' grant need not include one); the .json outcome makes every later copy skip anyway.
 */
import { CLAIMS_FOLDER } from "../../contract/keys";
import type { PartialArticleTranslation, ResumeFrom } from "../../translate/translate-article";
import type { ArticleOutputs } from "./article-outputs";

export const translationMemoryFile = (lang: string) => `${CLAIMS_FOLDER}memory-${lang}.json`;

/** Sentences by id: the format of memories written before ("requests" keyed by request text) is ignored. */
const FORMAT = "sentences";

interface MemoryBody {
  format: typeof FORMAT;
  articleId: string;
  language: string;
  charactersBilled: number;
  requests: number;
  detectedSourceLanguage?: string;
  /** [sentence id, translation] pairs: JSON has no Map. */
  translations: [string, string][];
}

/** What earlier deliveries of this job paid for. */
export interface TranslationMemory extends ResumeFrom {
  translations: Map<string, string>;
  charactersBilled: number;
  requests: number;
}

/** The memory of this source version, or an empty one (none stored, another version's, or unreadable). */
export async function loadTranslationMemory(
  outputs: ArticleOutputs,
  lang: string,
): Promise<TranslationMemory> {
  const stored = await outputs.readStored<Partial<MemoryBody>>(translationMemoryFile(lang));
  const body = stored?.current ? stored.value : undefined;
  const valid =
    body?.format === FORMAT &&
    Array.isArray(body.translations) &&
    typeof body.charactersBilled === "number" &&
    typeof body.requests === "number";
  // An unreadable memory only costs a full-price delivery, never a wrong translation.
  if (!valid) return { translations: new Map(), charactersBilled: 0, requests: 0 };
  return {
    translations: new Map(body.translations),
    charactersBilled: body.charactersBilled ?? 0,
    requests: body.requests ?? 0,
    ...(body.detectedSourceLanguage ? { detectedSourceLanguage: body.detectedSourceLanguage } : {}),
  };
}

/** The memory with what a stopped delivery got added: its sentences and what they cost. */
export function remember(
  memory: TranslationMemory,
  partial: PartialArticleTranslation,
): TranslationMemory {
  const detected = memory.detectedSourceLanguage ?? partial.detectedSourceLanguage;
  return {
    translations: new Map([...memory.translations, ...partial.translations]),
    charactersBilled: memory.charactersBilled + partial.charactersBilled,
    requests: memory.requests + partial.requests,
    ...(detected ? { detectedSourceLanguage: detected } : {}),
  };
}

export async function saveTranslationMemory(
  outputs: ArticleOutputs,
  lang: string,
  memory: TranslationMemory,
): Promise<void> {
  const body: MemoryBody = {
    format: FORMAT,
    articleId: outputs.articleId,
    language: lang,
    charactersBilled: memory.charactersBilled,
    requests: memory.requests,
    ...(memory.detectedSourceLanguage
      ? { detectedSourceLanguage: memory.detectedSourceLanguage }
      : {}),
    translations: [...memory.translations],
  };
  await outputs.writeJson(translationMemoryFile(lang), body, { retry: true });
}
