/**
 * The languages Amazon Translate translates into, as its guide lists them ("Supported languages and language
 * codes", https://docs.aws.amazon.com/translate/latest/dg/what-is-languages.html), spelled as TranslateText
 * takes them: ISO 639-1, and a country variant as "-" + ISO 3166 ("fr-CA", "zh-TW").
 */
export const AMAZON_TRANSLATE_LANGUAGES_URL =
  "https://docs.aws.amazon.com/translate/latest/dg/what-is-languages.html";

export const AMAZON_TRANSLATE_LANGUAGES: readonly string[] = [
  "af",
  "sq",
  "am",
  "ar",
  "hy",
  "az",
  "bn",
  "bs",
  "bg",
  "ca",
  "zh",
  "zh-TW",
  "hr",
  "cs",
  "da",
  "fa-AF",
  "nl",
  "en",
  "et",
  "fa",
  "tl",
  "fi",
  "fr",
  "fr-CA",
  "ka",
  "de",
  "el",
  "gu",
  "ht",
  "ha",
  "he",
  "hi",
  "hu",
  "is",
  "id",
  "ga",
  "it",
  "ja",
  "kn",
  "kk",
  "ko",
  "lv",
  "lt",
  "mk",
  "ms",
  "ml",
  "mt",
  "mr",
  "mn",
  "no",
  "ps",
  "pl",
  "pt",
  "pt-PT",
  "pa",
  "ro",
  "ru",
  "sr",
  "si",
  "sk",
  "sl",
  "so",
  "es",
  "es-MX",
  "sw",
  "sv",
  "ta",
  "te",
  "th",
  "tr",
  "uk",
  "ur",
  "uz",
  "vi",
  "cy",
];

/**
 * Common spellings of a language Translate lists under another code: its "pt" is Brazilian Portuguese and
 * its "zh" Simplified Chinese (the guide's own labels), "no" is Bokmål, "tl" Filipino.
 */
export const AMAZON_TRANSLATE_ALIASES: Readonly<Record<string, string>> = {
  "pt-br": "pt",
  "zh-cn": "zh",
  "zh-hans": "zh",
  "zh-hant": "zh-TW",
  nb: "no",
  fil: "tl",
};

const BY_LOWER_CASE = new Map(AMAZON_TRANSLATE_LANGUAGES.map((code) => [code.toLowerCase(), code]));

/** Translate's own code for a target language (case-insensitive, aliases mapped), or undefined. */
export function amazonTranslateCode(code: string): string | undefined {
  const lower = code.toLowerCase();
  return BY_LOWER_CASE.get((AMAZON_TRANSLATE_ALIASES[lower] ?? lower).toLowerCase());
}
