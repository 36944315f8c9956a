import { describe, expect, it } from "vitest";
import { sentenceMarks } from "../../../shared/summarize/marks";

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
