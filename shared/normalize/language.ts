import type { DetectedLanguage } from "../contract/article";
import { canonicalLanguageTag } from "../contract/language";
import { InvalidLanguageError } from "./errors";
import { detectWithEld } from "./language-scores";
import { LanguageSubset } from "./language-subset";

/**
 * eld reads at most ~350 bytes of words anyway, and its cost grows with them: 300 characters of body text are
 * already 100% right on the dev sets (tests/bench/language.bench.ts), at about half the time of 1,000.
 */
const SAMPLE_CHARS = 300;
const HAS_LETTER = /\p{L}/u;

/**
 * On short text (a headline) eld confuses English and Spanish with Tagalog, Yoruba, Malay, Albanian…; there it
 * chooses among the Latin-script languages most news is written in, plus every language with a script of its
 * own (no confusion there). Measured in tests/bench/language.bench.ts.
 */
export const SHORT_TEXT_LANGUAGES = [
  ...[
    "en",
    "es",
    "fr",
    "de",
    "it",
    "pt",
    "nl",
    "pl",
    "sv",
    "da",
    "no",
    "fi",
    "cs",
    "ro",
    "hu",
    "tr",
    "ca",
    "vi",
  ],
  ...[
    "am",
    "ar",
    "be",
    "bg",
    "bn",
    "el",
    "fa",
    "gu",
    "he",
    "hi",
    "hy",
    "ja",
    "ka",
    "kn",
    "ko",
    "lo",
    "ml",
  ],
  ...["mr", "or", "pa", "ru", "sr", "ta", "te", "th", "uk", "ur", "zh"],
] as const;

const UNDETERMINED: DetectedLanguage = { code: "und", confidence: 0, method: "detected" };

/**
 * The language of a text with eld (n-grams, 60 languages; the extra-small database: same answers as the
 * larger ones on news text, a quarter of their load time), computed by language-scores.ts: eld's answers, at a
 * fraction of eld's own cost. Confidence blends eld's own reliability flag with the margin between the best
 * and the second-best language, so "Iraq Joins Up" reads as English but unsure.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.length > SAMPLE_CHARS ? cutAtSpace(text, SAMPLE_CHARS) : text;
  if (!HAS_LETTER.test(sample)) return UNDETERMINED;
  const result = detectWithEld(sample, sample.length < SHORT_TEXT_CHARS ? SHORT_TEXT : undefined);
  if (result === undefined) return UNDETERMINED;
  const { best, runnerUp } = result;
  const margin = best > 0 ? (best - runnerUp) / best : 0;
  const confidence = (result.reliable ? 0.5 : 0) + 0.5 * Math.min(1, margin / MARGIN_FOR_CERTAINTY);
  return { code: result.code, confidence: round2(confidence), method: "detected" };
}

/** Below this many characters a text is "short" (a headline, a caption) and uses SHORT_TEXT_LANGUAGES. */
const SHORT_TEXT_CHARS = 100;
const SHORT_TEXT = new LanguageSubset(SHORT_TEXT_LANGUAGES);

/** A relative margin of 30% between the two best languages is as sure as n-gram scores get on news text. */
const MARGIN_FOR_CERTAINTY = 0.3;

/** The first `limit` characters, without a cut word at the end (a word fragment skews n-gram scores). */
function cutAtSpace(text: string, limit: number): string {
  const space = text.lastIndexOf(" ", limit);
  return text.slice(0, space > limit / 2 ? space : limit);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A language stated by the input (JSON `language`, object metadata): trusted, once it looks like a code. */
export function languageOverride(code: string, fileName: string): DetectedLanguage {
  const canonical = canonicalLanguageTag(code);
  if (canonical === undefined) {
    throw new InvalidLanguageError(
      `language override "${code}" is not a language code such as "en" or "pt-PT"`,
      fileName,
    );
  }
  return { code: canonical, confidence: 1, method: "override" };
}
