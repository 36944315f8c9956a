import { describe, expect, it } from "vitest";
import {
  endsWithQuestion,
  hasEarlyColon,
  sentenceMarks,
  startsWithQuote,
} from "../../../shared/summarize/marks";

/** The regular expressions the scan stands in for. */
function reference(text: string) {
  return {
    numberChars: text.match(/\p{N}/gu)?.length ?? 0,
    hasQuote: /["“”«»„]|(?:^|\s)[‘']/u.test(text),
  };
}

describe("sentenceMarks", () => {
  it("should count number characters and find quotes as the regular expressions do", () => {
    // Prepare: every string of up to four characters over an alphabet of the cases that matter.
    const alphabet = [
      "a",
      "7",
      "٣",
      "½",
      "Ⅻ",
      "𝟘",
      "\ud835",
      " ",
      "\u00a0",
      "\u3000",
      "'",
      "‘",
      '"',
      "«",
      "„",
      "’",
    ];
    let layer = [""];
    const texts = [""];
    for (let length = 1; length <= 4; length++) {
      layer = layer.flatMap((text) => alphabet.map((char) => text + char));
      texts.push(...layer);
    }
    // Act, Assess
    const wrong = texts.filter(
      (text) => JSON.stringify(sentenceMarks(text)) !== JSON.stringify(reference(text)),
    );
    expect(texts.length).toBeGreaterThan(10_000);
    expect(wrong).toEqual([]);
  });

  it("should read news sentences the same way", () => {
    // Prepare
    const sentences = [
      "'We will win,' he said on 12 March 2024, after 3½ hours.",
      "It's the end of the “Great Game”, the minister said.",
      "Prices rose by ３．２９％ in Tokyo; no quote here.",
    ];
    // Act, Assess
    for (const text of sentences) expect(sentenceMarks(text)).toEqual(reference(text));
  });
});

/** Every string of up to `length` characters over `alphabet`. */
function allStrings(alphabet: readonly string[], length: number): string[] {
  let layer = [""];
  const texts = [""];
  for (let size = 1; size <= length; size++) {
    layer = layer.flatMap((text) => alphabet.map((char) => text + char));
    texts.push(...layer);
  }
  return texts;
}

describe("startsWithQuote, endsWithQuestion and hasEarlyColon", () => {
  const tests = [
    { name: "startsWithQuote", scan: startsWithQuote, regex: /^\s*["“‘'«„]/u },
    { name: "endsWithQuestion", scan: endsWithQuestion, regex: /[?¿？]\s*["”’»]?\s*$/u },
    { name: "hasEarlyColon", scan: hasEarlyColon, regex: /^[^:]{1,40}:\s/u },
  ];

  it.each(tests)("should answer as the regular expression does: $name", ({ scan, regex }) => {
    // Prepare: short strings over the characters that matter, and colons around the 40th code point with
    // surrogate pairs (one code point, two units) and lone surrogates (one each) before them.
    const alphabet = ["a", " ", "\u00a0", "\u3000", "\t", ":", "?", "¿", "？", '"', "”", "’", "»"];
    const more = ["“", "‘", "'", "«", "„", "𝟘", "\ud835", "\n"];
    const texts = [...allStrings(alphabet, 4), ...allStrings(more.concat(" ", "?", ":"), 3)];
    for (const filler of ["a", "𝟘", "\ud835", "a𝟘"]) {
      for (let points = 38; points <= 42; points++) {
        const head = filler.repeat(points);
        texts.push(`${head}: x`, `${head}:x`, `${head}:\u3000`, `${head}:`);
      }
    }
    texts.push(`${"𝟘".repeat(40)}: x`, `${"𝟘".repeat(41)}: x`, `${"a".repeat(81)}: x`);
    // Every code unit as the space before or after the mark, so that each one's reading as \s is checked.
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      texts.push(`${char}"`, `a?${char}`, `a:${char}`);
    }

    // Act
    const wrong = texts.filter((text) => scan(text) !== regex.test(text));

    // Assess
    expect(texts.length).toBeGreaterThan(30_000);
    expect(texts.filter((text) => regex.test(text)).length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
