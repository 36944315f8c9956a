/**
 * The translation chunker (line-per-sentence transport) over arbitrary Unicode, lone surrogates and every
 * kind of line break included; tests/unit/translate covers chosen alphabets, this covers anything a string
 * can hold. Requests stay within the byte limit and keep one line per piece (a stray line break would
 * misalign every later sentence); an echo engine gets every character back, none twice.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRANSLATE_TEXT_MAX_BYTES } from "../../shared/limits";
import { codePoints, utf8Bytes } from "../../shared/translate/bytes";
import { planLineTransport, toLine } from "../../shared/translate/transport";
import { unicodeText } from "./arbitraries";

const texts = fc.array(unicodeText(60), { maxLength: 40 });
const limit = fc.oneof(fc.integer({ min: 4, max: 64 }), fc.constant(TRANSLATE_TEXT_MAX_BYTES));
const target = fc.constantFrom("es", "zh", "ja", "ar", "fr-CA");

/** What a translation may change: whitespace (lines are trimmed, cut pieces rejoined like words). */
const visible = (text: string) => text.replace(/\s/gu, "");

describe("planLineTransport on arbitrary Unicode", () => {
  it("should keep every request within the byte limit, one line per piece, billed as its code points", () => {
    fc.assert(
      fc.property(texts, limit, target, (sentences, maxBytes, language) => {
        const plan = planLineTransport(sentences, language, maxBytes);
        for (const chunk of plan.chunks) {
          expect(chunk.bytes).toBeLessThanOrEqual(maxBytes);
          expect(Buffer.byteLength(chunk.text, "utf8")).toBe(chunk.bytes);
          expect(utf8Bytes(chunk.text)).toBe(chunk.bytes);
          expect(chunk.text.split("\n")).toEqual(chunk.lines);
          // No other line break a service could split on (\r, NEL, LS, PS, VT, FF) inside a line.
          for (const line of chunk.lines) expect(line).not.toMatch(/[\r\v\f\u0085\u2028\u2029]/);
          expect(chunk.characters).toBe(codePoints(chunk.text));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("should give back every character once through an echo engine", () => {
    fc.assert(
      fc.property(texts, limit, target, (sentences, maxBytes, language) => {
        const plan = planLineTransport(sentences, language, maxBytes);
        const back = plan.assemble(plan.chunks.map((chunk) => chunk.lines));
        expect(back).toHaveLength(sentences.length);
        back.forEach((translated, i) => {
          const source = sentences[i] ?? "";
          // A blank sentence is not sent: it comes back as it was.
          if (toLine(source) === "") expect(translated).toBe(source);
          else expect(visible(translated)).toBe(visible(toLine(source)));
        });
      }),
      { numRuns: 500 },
    );
  });

  it("should send every visible character exactly once", () => {
    fc.assert(
      fc.property(texts, limit, (sentences, maxBytes) => {
        const plan = planLineTransport(sentences, "es", maxBytes);
        const sent = plan.chunks.map((chunk) => visible(chunk.lines.join(""))).join("");
        expect(sent).toBe(sentences.map((s) => visible(toLine(s))).join(""));
      }),
      { numRuns: 500 },
    );
  });
});
