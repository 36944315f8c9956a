import snowball from "snowball-stemmers";
import { describe, expect, it } from "vitest";
import { languageProfile } from "../../../shared/summarize/language";

/** Words that exercise every step of Porter2: plurals, -ed/-ing, y→i, the long suffix tables, exceptions. */
const WORDS = [
  ..."caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky".split(
    " ",
  ),
  ..."relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti".split(
    " ",
  ),
  ..."triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize".split(
    " ",
  ),
  ..."generate generously communication arsenal news skies dying lying tying idly gently ugly early only singly inning outing canning herring earring proceed exceed succeed andes atlas bias cosmos".split(
    " ",
  ),
  ..."consign consigned consigning consignment consist consisted consistency consistent consistently consisting consists consolation consolations consolatory console consoled consoles consolidate consolidated consolidating consoling consolingly".split(
    " ",
  ),
  ..."yelled yearly yes yesterday yielding aeroplane café naïve résumé 1990s 3rd covid19 ʻokina".split(
    " ",
  ),
];

describe("English stemming", () => {
  it("should give every word the stem Snowball's English stemmer gives it", () => {
    // Prepare
    const snowballEnglish = snowball.newStemmer("english");

    // Act
    const stems = WORDS.map((word) => languageProfile("en").stem(word));

    // Assess
    expect(stems).toEqual(WORDS.map((word) => snowballEnglish.stem(word)));
  });
});
