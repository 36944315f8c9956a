import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { languageProfile } from "../../../shared/summarize/language";
import { sentenceMarks } from "../../../shared/summarize/marks";
import { hashWord } from "../../../shared/summarize/term-table";
import { sentenceTerms } from "../../../shared/summarize/terms";

describe("sentenceTerms", () => {
  it.each([
    ["en", "The workers were striking for higher wages", ["worker", "strike", "wage"]],
    ["es", "Los trabajadores están luchando por salarios", ["trabaj", "luch", "salari"]],
    [
      "fr",
      "Les travailleurs nationaux réclament des salaires",
      ["travailleur", "national", "recl", "salair"],
    ],
    ["de", "Die Arbeiter fordern höhere Löhne", ["arbeit", "ford", "hoh", "lohn"]],
    ["it", "I lavoratori chiedono salari più alti", ["lavor", "chied", "salar", "alti"]],
    ["pt", "Os trabalhadores pedem salários maiores", ["trabalh", "ped", "salári", "maior"]],
  ])("should drop %s stopwords and stem with Snowball", (language, text, expected) => {
    expect(sentenceTerms(text, languageProfile(language)).terms).toEqual(expected);
  });

  it("should turn Chinese and Japanese runs into character bigrams", () => {
    expect(sentenceTerms("港口罢工", languageProfile("zh")).terms).toEqual([
      "港口",
      "口罢",
      "罢工",
    ]);
  });

  it("should keep words unstemmed for a language without a stemmer", () => {
    expect(sentenceTerms("Wafanyakazi wamegoma leo", languageProfile("xx")).terms).toEqual([
      "wafanyakazi",
      "wamegoma",
      "leo",
    ]);
  });

  it("should count words and stopwords as a reader would", () => {
    const result = sentenceTerms("The strike closed the port.", languageProfile("en"));
    expect(result.words).toBe(5);
    expect(result.stopwords).toBeGreaterThanOrEqual(2);
  });

  it("should take a single quote for a quotation mark only at the start or after a space, as sentenceMarks does", () => {
    // Prepare
    const texts = ["'tis so", "he said 'no'", "it's so", "so,'no", "(‘no", "« non »", "no quote"];

    // Act
    const read = texts.map((text) => sentenceTerms(text, languageProfile("en")).hasQuote);

    // Assess
    expect(read).toEqual([true, true, false, false, false, true, false]);
    expect(read).toEqual(texts.map((text) => sentenceMarks(text).hasQuote));
  });

  it("should read the words the word regex reads, with the terms of the cached lookup, and the character facts sentenceMarks reads, on any text", () => {
    // Prepare: ASCII, accented and combining letters, digits, punctuation, Greek, CJK and astral characters.
    const piece = fc.constantFrom(
      ..."The port's 3 strikes: état, naïve, e\u0301, Ωμέγα, 港口, ๏, 𝐀, 😀, \ud800, -".split(""),
      ..."ÉΣİℂⒶǅⅫ٣½\"“‘«„'\u00a0\u3000".split(""),
      " ",
      "strike",
      "the",
      "Strikes",
    );
    const english = languageProfile("en");

    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");

        // Act
        const read = sentenceTerms(text, english);

        // Assess: the reference is the regex tokenizer over the lowercased text.
        const tokens = text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
        expect([...read.wordHashes]).toEqual(tokens.map(hashWord));
        const marks = sentenceMarks(text);
        expect([read.numberChars, read.hasQuote, read.capitalAfterFirst]).toEqual([
          marks.numberChars,
          marks.hasQuote,
          /\p{Lu}/u.test(text.slice(1)),
        ]);
        if (!/[\p{Script=Han}\p{Script=Thai}]/u.test(text)) {
          expect(read.terms).toEqual(
            tokens.map((t) => english.term(t)).filter((t): t is string => typeof t === "string"),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
