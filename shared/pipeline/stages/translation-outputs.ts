/**
 * Where one language of one article version stands, from its files alone. translations/<lang>.json is the
 * record of the paid translation (written first); <lang>.txt is rendered from it; <lang>.error.json records a
 * language that failed for good. Read by the translate job, the manifest and summarize's resend of jobs.
 */
import { OUTPUT_FILES } from "../../contract/keys";
import type { ObjectHead } from "../ports";
import { isMadeFrom } from "../provenance";
import type { ArticleOutputs } from "./article-outputs";

export type LanguageFiles =
  /** .json and .txt both current: done. */
  | "translated"
  /** The current .json without its .txt: the translation is paid for, only the rendering is missing. */
  | "paid-not-rendered"
  /** A current error record: failed for good. */
  | "failed"
  /** None of them for this version. */
  | "none";

export interface LanguageHeads {
  json: ObjectHead | undefined;
  text: ObjectHead | undefined;
  error: ObjectHead | undefined;
}

export async function headLanguage(outputs: ArticleOutputs, lang: string): Promise<LanguageHeads> {
  const [json, text, error] = await Promise.all([
    outputs.head(OUTPUT_FILES.translationJson(lang)),
    outputs.head(OUTPUT_FILES.translationText(lang)),
    outputs.head(OUTPUT_FILES.translationError(lang)),
  ]);
  return { json, text, error };
}

export function languageFiles(heads: LanguageHeads, sourceEtag: string): LanguageFiles {
  if (isMadeFrom(heads.json, sourceEtag) && isMadeFrom(heads.text, sourceEtag)) return "translated";
  if (isMadeFrom(heads.error, sourceEtag)) return "failed";
  if (isMadeFrom(heads.json, sourceEtag)) return "paid-not-rendered";
  return "none";
}

/** The language's files, in one call: HEADs of the three, then where they stand. */
export async function readLanguageFiles(
  outputs: ArticleOutputs,
  lang: string,
): Promise<LanguageFiles> {
  return languageFiles(await headLanguage(outputs, lang), outputs.source.etag);
}

/** The language is finished for this version: translated, or failed for good. */
export function hasOutcome(files: LanguageFiles): boolean {
  return files === "translated" || files === "failed";
}
