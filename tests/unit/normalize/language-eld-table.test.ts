/**
 * shared/normalize/language-eld-table.mjs: the table that the CLI and Lambda builds carry instead of eld's
 * database, and that the memo of language-ngram-memo.ts is copied from. Every n-gram of eld's database must be
 * found by the memo's lookup with eld's scores, and nothing else.
 */
import { describe, expect, it } from "vitest";
import {
  type EldDatabase,
  isEldTable,
  packEldTable,
  packKey,
  slotOf,
  unpackEldTable,
} from "../../../shared/normalize/language-eld-table.mjs";

const { ngramsData } = (await import(
  "../../../node_modules/eld/src/ngrams/extrasmall.js" as string
)) as { ngramsData: EldDatabase };
const table = unpackEldTable(packEldTable(ngramsData));

/** The scores of `key` as the memo's lookup finds them (readWord's probing), or undefined. */
function lookup(key: string): Record<string, number> | undefined {
  const { low, high } = packKey(key);
  const mask = table.slotHigh.length - 1;
  for (let slot = slotOf(low, high, mask); table.slotHigh[slot] !== 0; slot = (slot + 1) & mask) {
    if (table.slotHigh[slot] !== high || table.slotLow[slot] !== low) continue;
    const entry = table.slotEntry[slot] as number;
    const scores: Record<string, number> = {};
    for (let k = table.starts[entry] as number; k < (table.starts[entry + 1] as number); k++)
      scores[String(table.ids[k])] = table.values[k] as number;
    return scores;
  }
  return undefined;
}

describe("eld's n-gram table", () => {
  it("should find every n-gram of eld's database with eld's scores, in eld's order", () => {
    // Act
    const found = Object.fromEntries(
      Object.keys(ngramsData.ngrams).map((key) => [key, lookup(key)]),
    );
    // Assess
    expect({ type: table.type, languages: table.languages, ngrams: found }).toEqual({
      type: ngramsData.type,
      languages: ngramsData.languages,
      ngrams: ngramsData.ngrams,
    });
    for (const [key, scores] of Object.entries(found))
      expect(Object.keys(scores ?? {}), key).toEqual(Object.keys(ngramsData.ngrams[key] ?? {}));
  });

  it("should hold nothing else: as many keys in its slots as eld has n-grams, and no key eld lacks", () => {
    // Prepare
    const absent = [" the", "the ", " zzzz ", "\u00ff\u00ff\u00ff\u00ff", " a"].filter(
      (key) => !(key in ngramsData.ngrams),
    );
    // Act
    const used = table.slotHigh.filter((high) => high !== 0).length;
    // Assess
    expect(used).toBe(Object.keys(ngramsData.ngrams).length);
    expect(table.entries).toBe(used);
    expect(absent.length).toBeGreaterThan(0);
    for (const key of absent) expect(lookup(key), JSON.stringify(key)).toBeUndefined();
  });

  it("should refuse a database whose n-grams or scores do not fit its bytes, naming the n-gram", () => {
    // Prepare
    const base = { type: "t", languages: { 0: "en" } };
    // Assess
    expect(() => packEldTable({ ...base, ngrams: { " abcdef ": { 0: 1 } } })).toThrow(/" abcdef "/);
    expect(() => packEldTable({ ...base, ngrams: { " ab": { 0: 300 } } })).toThrow(/" ab".*300/);
    expect(() => packEldTable({ ...base, ngrams: { " a\u0100": { 0: 1 } } })).toThrow(
      /not 1-6 bytes/,
    );
  });

  it("should tell a table from other bytes, and refuse those", () => {
    // Prepare
    const bytes = packEldTable(ngramsData);
    const other = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    // Assess
    expect(isEldTable(bytes)).toBe(true);
    expect(isEldTable(other)).toBe(false);
    expect(() => unpackEldTable(other)).toThrow(/not a table/);
    expect(() => unpackEldTable(bytes.subarray(0, bytes.length - 1))).toThrow(/past the table/);
  });

  it("should read a table from bytes that do not start 4-byte aligned, such as a Node Buffer's", () => {
    // Prepare
    const bytes = packEldTable(ngramsData);
    const unaligned = Buffer.alloc(bytes.length + 1).subarray(1);
    unaligned.set(bytes);
    // Act
    const read = unpackEldTable(unaligned);
    // Assess
    expect(unaligned.byteOffset % 4).not.toBe(0);
    expect(read.slotLow).toEqual(table.slotLow);
    expect(read.starts).toEqual(table.starts);
    expect(read.values).toEqual(table.values);
  });

  it("should refuse a truncated or damaged table, naming what does not fit", () => {
    // Prepare
    const bytes = packEldTable(ngramsData);
    const headerLength = new DataView(bytes.buffer).getUint32(4, true);
    const notJson = bytes.slice();
    notJson[8] = 0x0a;
    notJson[9] = 0x7b;
    // Act
    const refusals = [
      bytes.subarray(0, 6),
      bytes.subarray(0, 8 + headerLength - 1),
      bytes.subarray(0, 8 + headerLength + 100),
      notJson,
    ].map((damaged) => {
      try {
        unpackEldTable(damaged);
        return "read";
      } catch (error) {
        return (error as Error).message;
      }
    });
    // Assess
    expect(refusals).toEqual([
      expect.stringMatching(/6 bytes, too short for a header/),
      expect.stringMatching(/header of \d+ bytes runs past the table's \d+ bytes/),
      expect.stringMatching(/slots end at byte \d+, past the table's \d+/),
      expect.stringMatching(/header is not JSON/),
    ]);
  });
});
