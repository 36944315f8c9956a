import { describe, expect, it } from "vitest";
import { summarizeArticle } from "../../../shared/summarize";
import { analyzeArticle } from "../../../shared/summarize/features";
import { languageProfile } from "../../../shared/summarize/language";
import { selectSentences } from "../../../shared/summarize/select";
import { articleFrom } from "./article-fixture";

/** Words of one sentence that the other lacks, both ways: 1 for two sentences that differ by one word. */
function wordsApart(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().match(/\p{L}+/gu) ?? [];
  const [wa, wb] = [words(a), words(b)];
  const missing = (x: string[], y: string[]) => x.filter((w) => !y.includes(w)).length;
  return Math.max(missing(wa, wb), missing(wb, wa));
}

// A syndicated story pasted three times with one word changed each time, as seen on real pages.
const VARIANTS = ["schools", "roads", "parks", "libraries", "housing"];
const NEAR_DUPLICATE_PARAGRAPHS = articleFrom([
  ...VARIANTS.map(
    (word) =>
      [
        "paragraph",
        [
          `The council approved the new budget for ${word} on Tuesday after a long debate.`,
          `Councillors said the money for ${word} would be spent over the next three years.`,
        ],
      ] as const,
  ),
  [
    "paragraph",
    [
      "Opposition members walked out before the final vote.",
      "The mayor called the decision a turning point for the town.",
      "Residents can comment on the plans until the end of March.",
    ],
  ],
]);

describe("summary redundancy", () => {
  it("should never pick two sentences that differ by one word", () => {
    // Prepare
    const article = NEAR_DUPLICATE_PARAGRAPHS;

    // Act
    const summary = summarizeArticle(article, { mode: "sentences", value: 4 });

    // Assess
    const texts = summary.sentences.map((s) => s.text);
    expect(texts).toHaveLength(4);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        expect(wordsApart(texts[i] as string, texts[j] as string)).toBeGreaterThan(1);
      }
    }
  });

  it("should say how many near-duplicates it skipped when they leave it short", () => {
    // Prepare: five copies of one sentence, one word changed in each, and nothing else.
    const article = articleFrom([
      [
        "paragraph",
        ["red", "blue", "green", "white", "black"].map(
          (colour) => `The committee painted the old harbour bridge ${colour} last summer.`,
        ),
      ],
    ]);

    // Act
    const summary = summarizeArticle(article, { mode: "sentences", value: 3 });

    // Assess
    expect(summary.sentences).toHaveLength(1);
    expect(summary.reason).toBe("4 near-duplicate sentences skipped");
  });
});

describe("selectSentences trigram blocking", () => {
  const texts = [
    "The minister said the plan would cut waiting lists within a year.",
    "The plan would cut waiting lists within a year, hospital chiefs agreed on Friday.",
    "Nurses' unions asked for more staff before any change.",
  ];
  const analysis = analyzeArticle(texts, 2, languageProfile("en"));
  const scores = [0.9, 0.8, 0.1];

  it("should skip a sentence whose trigrams are mostly in the summary when blocking is on", () => {
    // Act
    const { indices } = selectSentences(
      scores,
      analysis.sentences,
      analysis.tokens,
      { mode: "sentences", value: 2 },
      2,
      1,
      0.25,
    );

    // Assess
    expect(indices).toEqual([0, 2]);
  });

  it("should keep it when blocking is off", () => {
    // Act
    const { indices } = selectSentences(
      scores,
      analysis.sentences,
      analysis.tokens,
      { mode: "sentences", value: 2 },
      2,
      1,
    );

    // Assess
    expect(indices).toEqual([0, 1]);
  });
});
