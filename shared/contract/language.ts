/**
 * Language codes, one home: which tags the pipeline accepts, their one canonical spelling, the primary subtag,
 * the region, and the languages written without spaces between words. Every caller that validates or
 * spells a language code (settings, overrides, reports, schemas) goes through here, so they cannot disagree.
 */

/**
 * The shape of every canonical tag this module returns: an ISO 639 language (or "und"), then an optional
 * script, region and variants, as `Intl.getCanonicalLocales` spells them ("zh-Hant-TW", "es-419", "de-1996").
 * Extensions and private use ("-u-…", "-x-…") are refused: no translator or report needs them, and a
 * language code ends up in object keys. The JSON Schemas use this same pattern for their language fields.
 */
export const LANGUAGE_TAG_PATTERN =
  "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$";

const CANONICAL_SHAPE = new RegExp(LANGUAGE_TAG_PATTERN);

/** The JSON Schema of a language field (the contract's schemas use it; schemas/*.json are written from them). */
export const LANGUAGE_TAG_SCHEMA = { type: "string", pattern: LANGUAGE_TAG_PATTERN } as const;

/**
 * The canonical form of a BCP 47 language tag ("pt-br" → "pt-BR", "zh-hant" → "zh-Hant", "iw" → "he",
 * "eng" → "en"), or undefined when it is not one this pipeline accepts ("english", "en_US", "en-u-nu-thai").
 * Case and aliases follow ECMA-402 (`Intl.getCanonicalLocales`), which is what `lang` attributes and
 * `Intl.DisplayNames` expect, with one exception: a two-letter ISO 639-1 code that CLDR replaces by a longer
 * one ("tl" → "fil") stays as written, because every engine here speaks ISO 639-1 (Amazon Translate, the
 * language detector, the stopword lists, Apertium's tables) and would not know the longer code.
 */
export function canonicalLanguageTag(code: string | null | undefined): string | undefined {
  const trimmed = code?.trim();
  if (!trimmed) return undefined;
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(trimmed)[0] ?? "";
  } catch {
    return undefined;
  }
  const written = primaryLanguage(trimmed);
  const replaced = canonical.split("-")[0] ?? "";
  if (written.length === 2 && replaced.length > 2)
    canonical = written + canonical.slice(replaced.length);
  return CANONICAL_SHAPE.test(canonical) ? canonical : undefined;
}

export function isLanguageTag(code: string | null | undefined): boolean {
  return canonicalLanguageTag(code) !== undefined;
}

/** "pt-BR" → "pt", "zh_Hant" → "zh": lowercased, "-" or "_" separated (Apertium modes use "_"). */
export function primaryLanguage(code: string): string {
  return code.toLowerCase().split(/[-_]/)[0] ?? "";
}

/** The region subtag of a tag ("pt-BR" → "BR", "zh-Hant-TW" → "TW", "zh-Hant" → undefined). */
export function languageRegion(code: string): string | undefined {
  const canonical = canonicalLanguageTag(code);
  return canonical === undefined ? undefined : new Intl.Locale(canonical).region;
}

/** Primary subtags of languages written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese, Tibetan). */
export const UNSPACED_LANGUAGES: ReadonlySet<string> = new Set([
  "zh",
  "ja",
  "th",
  "lo",
  "km",
  "my",
  "bo",
]);

export function isUnspacedLanguage(code: string): boolean {
  return UNSPACED_LANGUAGES.has(primaryLanguage(code));
}
