/**
 * When one language of one article version counts as translated. translations/<lang>.json is the durable record
 * of the paid translation (written first); <lang>.txt is rendered from it. Only both together are done: a
 * delivery that stopped between the two leaves the .txt for its redelivery to rebuild, with no Translate call.
 */
import { OUTPUT_FILES, outputKey } from "../../contract/keys";
import type { ObjectHead, ObjectStore } from "../ports";
import { isMadeFrom } from "../provenance";

export interface TranslationHeads {
  json: ObjectHead | undefined;
  text: ObjectHead | undefined;
  error: ObjectHead | undefined;
}

export async function headTranslation(
  store: ObjectStore,
  bucket: string,
  articleId: string,
  lang: string,
): Promise<TranslationHeads> {
  const key = (file: string) => outputKey(articleId, file);
  const [json, text, error] = await Promise.all([
    store.head(bucket, key(OUTPUT_FILES.translationJson(lang))),
    store.head(bucket, key(OUTPUT_FILES.translationText(lang))),
    store.head(bucket, key(OUTPUT_FILES.translationError(lang))),
  ]);
  return { json, text, error };
}

/** Both the .json and the .txt exist, made from this source version. */
export function isTranslated(heads: TranslationHeads, sourceEtag: string): boolean {
  return isMadeFrom(heads.json, sourceEtag) && isMadeFrom(heads.text, sourceEtag);
}

/** The language is finished for this version: translated, or failed for good. */
export function hasOutcome(heads: TranslationHeads, sourceEtag: string): boolean {
  return isTranslated(heads, sourceEtag) || isMadeFrom(heads.error, sourceEtag);
}
