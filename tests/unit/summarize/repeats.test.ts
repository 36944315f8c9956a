import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repeatedTrigramRatios, repeatedTrigrams } from "../../../shared/summarize/repeats";
import { hashWord } from "../../../shared/summarize/term-table";

const hashed = (tokens: readonly string[][]) =>
  tokens.map((words) => Int32Array.from(words, hashWord));

/** The same ratios over word trigrams as strings: what the hashed version stands for. */
function reference(tokens: readonly string[][]): number[] {
  const seen = new Set<string>();
  return tokens.map((words) => {
    const grams = new Set<string>();
    for (let i = 0; i + 2 < words.length; i++) grams.add(words.slice(i, i + 3).join(" "));
    if (grams.size === 0) return 0;
    const repeated = [...grams].filter((g) => seen.has(g)).length;
    for (const g of grams) seen.add(g);
    return repeated / grams.size;
  });
}

describe("repeatedTrigramRatios", () => {
  it("should mark a sentence repeating an earlier one, not the one it repeats", () => {
    // Prepare
    const caption = ["the", "strike", "closed", "the", "port"];

    // Act
    const ratios = repeatedTrigramRatios(
      hashed([caption, ["talks", "resume", "on", "friday"], caption]),
    );

    // Assess
    expect([...ratios]).toEqual([0, 0, 1]);
  });

  it("should give the ratios of string trigrams both ways, over articles large enough to grow its tables", () => {
    const word = fc.constantFrom("a", "b", "c", "d", "e", "port", "strike", "η", "港口");
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 40 }), { maxLength: 120 }), (tokens) => {
        const { earlier, later } = repeatedTrigrams(hashed(tokens));
        expect([...earlier]).toEqual(reference(tokens));
        // Later: the earlier ratios of the sentences in reverse order.
        expect([...later]).toEqual(reference([...tokens].reverse()).reverse());
      }),
      { numRuns: 100 },
    );
  });
});
