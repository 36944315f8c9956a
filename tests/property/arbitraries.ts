/** Generators shared by the property tests: arbitrary Unicode, weighted toward what breaks text code. */
import fc from "fast-check";

/** A lone UTF-16 surrogate: what a JavaScript string can hold but no encoding can carry. */
export const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((u) => String.fromCharCode(u));

/** Every kind of line break and space a reader, a segmenter or a line-based transport may trip on. */
export const breaks = fc.constantFrom(
  " ",
  "  ",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "\t",
  "\v",
  "\f",
  "\u0085",
  "\u00a0",
  "\u2028",
  "\u2029",
  "\u3000",
  "\u200b",
);

/** Sentence ends in several scripts, closers and abbreviation-shaped tokens. */
export const punctuation = fc.constantFrom(
  ".",
  "!",
  "?",
  "…",
  "...",
  "。",
  "！",
  "？",
  "؟",
  "۔",
  "।",
  '"',
  "”",
  ")",
  "」",
  "Mr.",
  "U.S.",
  "e.g.",
  "3.5",
  "No. 1",
);

/** Words in many scripts, including ones written without spaces, RTL, combining marks and emoji clusters. */
export const words = fc.constantFrom(
  "The",
  "strike",
  "港口工人罢工",
  "港湾労働者は",
  "الميناء",
  "הנמל",
  "grève",
  "e\u0301te\u0301",
  "Ελλάδα",
  "ภาษาไทย",
  "👨‍👩‍👧",
  "🇪🇸",
  "💪🏽",
  "https://example.com/a.b",
  "x",
);

/** Arbitrary Unicode text: any code point, plus the pieces above far more often than chance would give. */
export const unicodeText = (maxLength = 120) =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
        { weight: 4, arbitrary: words },
        { weight: 3, arbitrary: breaks },
        { weight: 2, arbitrary: punctuation },
        { weight: 1, arbitrary: loneSurrogate },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(""));

/** Like unicodeText, without lone surrogates: text any encoding can carry. */
export const wellFormedText = (maxLength = 120) =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
        { weight: 4, arbitrary: words },
        { weight: 3, arbitrary: breaks },
        { weight: 2, arbitrary: punctuation },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(""));
