/** Language attributes for report columns: a safe BCP 47 tag, the writing direction, and a readable name. */
import { canonicalLanguageTag, primaryLanguage } from "../contract/language";

/** Primary subtags of languages written right to left (the ones Amazon Translate and Apertium handle, and kin). */
const RTL_LANGUAGES = new Set([
  "ar",
  "arc",
  "ckb",
  "dv",
  "fa",
  "he",
  "iw",
  "ps",
  "sd",
  "ug",
  "ur",
  "yi",
]);

/** A tag safe to put in `lang` and in ids, canonical; anything unexpected becomes "und" (undetermined). */
export function languageTag(code: string | null | undefined): string {
  return canonicalLanguageTag(code) ?? "und";
}

export function textDirection(code: string | null | undefined): "rtl" | "ltr" {
  const primary = primaryLanguage(languageTag(code));
  return RTL_LANGUAGES.has(primary) ? "rtl" : "ltr";
}

/** Built on first use (loading ICU's display-name data is init time every function would pay otherwise). */
let displayNames: Intl.DisplayNames | undefined;

/** "Spanish (es)"; just the code when ICU does not know it. */
export function languageLabel(code: string | null | undefined): string {
  const tag = languageTag(code);
  if (tag === "und") return "undetermined language";
  let name: string | undefined;
  try {
    displayNames ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
    name = displayNames.of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}
