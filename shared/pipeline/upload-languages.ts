/**
 * Languages per upload: the source object's `target-languages` metadata (`x-amz-meta-target-languages: de,ja`,
 * as `aws s3 cp --metadata target-languages=de,ja` sends it) replaces the deployment's `targetLanguages` for
 * that article. Normalize decides once, from the version it read, and records the decision on article.json's
 * own metadata under the same name; summarize reads it back from there and puts it in every translate job, so
 * the jobs, the manifest and the dead-letter consumer all follow the article's list, never a list redeployed
 * since.
 */
import { canonicalLanguageTag } from "../contract/language";
import { InputError } from "../errors";
import {
  AMAZON_TRANSLATE_LANGUAGES_URL,
  amazonTranslateCode,
} from "../translate/supported-languages";
import type { ObjectMetadata } from "./ports";

/** The user metadata key, on the source object (the request) and on article.json (the decision). */
export const TARGET_LANGUAGES_METADATA = "target-languages";

/** The name of the deploy-time cap, as the error message gives it to the uploader. */
const CAP_SETTING = "maxLanguagesPerUpload";

/** The upload's target-languages metadata is empty, names an unknown code, or more languages than allowed. */
export class InvalidTargetLanguagesError extends InputError {
  override readonly name = "InvalidTargetLanguagesError";
}

/**
 * The one check of a requested code: a language tag (the shared validator), spelled as Amazon Translate
 * spells it when it translates into it ("pt-br" → "pt", "zh-hant" → "zh-TW"), as the deployment's list is.
 */
function supportedTargetLanguage(code: string): string | undefined {
  const canonical = canonicalLanguageTag(code);
  return canonical === undefined ? undefined : amazonTranslateCode(canonical);
}

/**
 * The languages an upload asks for, canonical and deduplicated in the order given; undefined when it asks for
 * none (no metadata: the deployment's list applies). Throws InvalidTargetLanguagesError naming the file and the
 * value when the value is empty, names a code that is not supported, or more than `maxPerUpload` languages.
 */
export function requestedTargetLanguages(
  value: string | undefined,
  maxPerUpload: number,
  file: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  const given = `object metadata ${TARGET_LANGUAGES_METADATA}="${value}"`;
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0) {
    throw new InvalidTargetLanguagesError(
      `${given} is empty: give language codes separated by commas (e.g. "de,ja"), or leave the metadata out for the deployment's languages`,
      file,
    );
  }
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const code = supportedTargetLanguage(item);
    if (code === undefined) unknown.push(`"${item}"`);
    else if (!codes.includes(code)) codes.push(code);
  }
  if (unknown.length > 0) {
    throw new InvalidTargetLanguagesError(
      `${given}: ${unknown.join(", ")} ${unknown.length === 1 ? "is not a language" : "are not languages"} the pipeline translates into (codes: ${AMAZON_TRANSLATE_LANGUAGES_URL})`,
      file,
    );
  }
  if (codes.length > maxPerUpload) {
    const most =
      maxPerUpload === 0
        ? "this deployment takes no languages per upload"
        : `this deployment takes at most ${maxPerUpload} per upload`;
    throw new InvalidTargetLanguagesError(
      `${given} names ${codes.length} languages; ${most} (${CAP_SETTING})`,
      file,
    );
  }
  return codes;
}

/**
 * The article's target languages: the upload's metadata when it has some, else the deployment's. Throws
 * InvalidTargetLanguagesError as requestedTargetLanguages does.
 */
export function articleTargetLanguages(
  sourceMetadata: ObjectMetadata,
  deployment: { targetLanguages: readonly string[]; maxLanguagesPerUpload: number },
  file: string,
): string[] {
  const requested = requestedTargetLanguages(
    sourceMetadata[TARGET_LANGUAGES_METADATA],
    deployment.maxLanguagesPerUpload,
    file,
  );
  return requested ?? [...deployment.targetLanguages];
}

/**
 * What article.json records of the decision. Nothing for no languages: S3 clients differ on whether an empty
 * metadata value survives, and no record reads as the deployment's list (empty when it was decided, unless
 * redeployed in between, which is how every article behaved before languages per upload).
 */
export function targetLanguagesMetadata(languages: readonly string[]): ObjectMetadata {
  return languages.length > 0 ? { [TARGET_LANGUAGES_METADATA]: languages.join(",") } : {};
}

/**
 * The languages article.json records; undefined when it records none (written by a version of the pipeline
 * before languages per upload, or with no languages): the deployment's list applies.
 */
export function recordedTargetLanguages(
  metadata: ObjectMetadata | undefined,
): string[] | undefined {
  const value = metadata?.[TARGET_LANGUAGES_METADATA];
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((code) => code.trim())
    .filter((code) => code !== "");
}
