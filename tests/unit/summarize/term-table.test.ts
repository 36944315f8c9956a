import { describe, expect, it } from "vitest";
import { hashWord, STOPWORD, TermTable } from "../../../shared/summarize/term-table";

const STEMS: Record<string, string | null> = {
  ports: "port",
  port: "port",
  the: null,
  strikes: "strike",
};

describe("TermTable", () => {
  it("should number each distinct term once, in order of first use, and give every word its term", () => {
    // Prepare
    const table = new TermTable((word) => STEMS[word], 100);
    const text = "The ports the port strikes";

    // Act: words looked up in place, capitals included, as the scan does.
    const ids = [...text.matchAll(/\S+/g)].map((m) =>
      table.lookup(text, m.index, m.index + m[0].length, hashWord(m[0].toLowerCase())),
    );

    // Assess
    expect(ids).toEqual([STOPWORD, 0, STOPWORD, 0, 1]);
    expect(table.termCount).toBe(2);
    expect(["ports", "the", "strikes", "x"].map((word) => table.get(word))).toEqual([
      "port",
      null,
      "strike",
      undefined,
    ]);
  });

  it("should start over only when trimmed past its limit, with the same terms as before", () => {
    // Prepare
    let computed = 0;
    const table = new TermTable((word) => {
      computed++;
      return STEMS[word];
    }, 2);
    for (const word of ["ports", "port", "strikes"]) table.get(word);

    // Act
    const before = table.termCount;
    table.trim();
    const terms = ["strikes", "ports"].map((word) => table.get(word));

    // Assess
    expect(before).toBe(2);
    expect(terms).toEqual(["strike", "port"]);
    expect(table.termCount).toBe(2);
    expect(computed).toBe(5);
  });

  it("should keep every word and its number as it grows past the slots it started with", () => {
    // Prepare: a table of 4 slots, which grows when 2 are taken.
    const table = new TermTable((word) => word.slice(0, 3), 1000, 4);
    const words = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x`);

    // Act
    const first = words.map((word) => table.get(word));
    const again = words.map((word) => table.get(word));

    // Assess: stems w0x … share their first three letters, so numbers repeat; a second lookup finds each word.
    expect(again).toEqual(first);
    expect(first.slice(0, 3)).toEqual(["w0x", "w1x", "w2x"]);
    expect(table.size).toBe(300);
    expect(table.termCount).toBe(new Set(words.map((word) => word.slice(0, 3))).size);
  });
});
