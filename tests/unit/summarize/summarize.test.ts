import { describe, expect, it } from "vitest";
import { InvalidSummaryLengthError, summarizeArticle } from "../../../shared/summarize";
import { articleFrom, HARBOUR_STRIKE } from "./article-fixture";

describe("summarizeArticle", () => {
  it("should pick only body sentences, never the title, dek, heading or caption", () => {
    // Prepare
    const article = articleFrom(HARBOUR_STRIKE);
    const bodyBlocks = new Set(
      article.blocks
        .filter((b) => ["paragraph", "quote", "list-item"].includes(b.type))
        .map((b) => b.id),
    );
    const blockOf = new Map(article.sentences.map((s) => [s.id, s.blockId]));

    // Act
    const summary = summarizeArticle(article, { mode: "sentences", value: 5 });

    // Assess
    expect(summary.sentences).toHaveLength(5);
    for (const s of summary.sentences)
      expect(bodyBlocks.has(blockOf.get(s.id) as string)).toBe(true);
  });

  it("should return sentences in document order with ids, positions and scores", () => {
    // Prepare
    const article = articleFrom(HARBOUR_STRIKE);

    // Act
    const summary = summarizeArticle(article);

    // Assess
    expect(summary.length).toEqual({ mode: "sentences", value: 3 });
    expect(summary.sentences).toHaveLength(3);
    const positions = summary.sentences.map((s) => s.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const s of summary.sentences) {
      expect(article.sentences.find((x) => x.id === s.id)?.text).toBe(s.text);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThan(1);
    }
    expect(summary.text).toBe(summary.sentences.map((s) => s.text).join("\n"));
    expect(summary.reason).toBeUndefined();
  });

  it("should return every body sentence, with a reason, when fewer exist than asked", () => {
    // Prepare
    const article = articleFrom([
      ["title", ["A short note"]],
      ["paragraph", ["Only one sentence here.", "And a second one."]],
    ]);

    // Act
    const summary = summarizeArticle(article, { mode: "sentences", value: 3 });

    // Assess
    expect(summary.sentences.map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(summary.reason).toMatch(/2 body sentences, fewer than the 3 asked/);
  });

  it("should return an empty summary with a reason when there is no body sentence", () => {
    // Prepare
    const article = articleFrom([
      ["title", ["Headline only"]],
      ["caption", ["A photo caption."]],
    ]);

    // Act
    const summary = summarizeArticle(article);

    // Assess
    expect(summary.sentences).toEqual([]);
    expect(summary.text).toBe("");
    expect(summary.reason).toBe("article has no body sentence");
  });

  it.each([
    { mode: "sentences", value: 0 },
    { mode: "sentences", value: 2.5 },
    { mode: "words", value: -10 },
    { mode: "ratio", value: 1.5 },
    { mode: "ratio", value: Number.NaN },
  ] as const)("should reject the length %o with a typed error naming the file", (length) => {
    // Prepare
    const article = articleFrom(HARBOUR_STRIKE, "en", "harbour.txt");

    // Act
    const act = () => summarizeArticle(article, length);

    // Assess
    expect(act).toThrow(InvalidSummaryLengthError);
    expect(act).toThrow(/^harbour\.txt: summary length/);
  });

  it("should stay within a word budget", () => {
    // Prepare
    const article = articleFrom(HARBOUR_STRIKE);

    // Act
    const summary = summarizeArticle(article, { mode: "words", value: 30 });

    // Assess
    const words = summary.sentences.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(words).toBeLessThanOrEqual(30);
  });

  it("should pick a share of the body sentences for a ratio", () => {
    // Prepare
    const article = articleFrom(HARBOUR_STRIKE);

    // Act
    const summary = summarizeArticle(article, { mode: "ratio", value: 0.5 });

    // Assess: 8 body sentences, half of them.
    expect(summary.sentences).toHaveLength(4);
  });

  it("should not pick two near-duplicate sentences", () => {
    // Prepare
    const article = articleFrom([
      [
        "paragraph",
        [
          "Storm Ciara closed every school in the county on Monday morning.",
          "Storm Ciara closed every school in the county on Monday morning, officials said.",
          "Rail services were suspended across the north until further notice.",
          "Power cuts hit four thousand homes near the coast overnight.",
          "Forecasters expect the wind to ease by Wednesday.",
        ],
      ],
    ]);

    // Act
    const summary = summarizeArticle(article, { mode: "sentences", value: 2 });

    // Assess
    const ids = summary.sentences.map((s) => s.id);
    expect(ids.includes("s0") && ids.includes("s1")).toBe(false);
    expect(ids).toHaveLength(2);
  });

  it("should give the same summary for the same article", () => {
    const article = articleFrom(HARBOUR_STRIKE);
    expect(summarizeArticle(article)).toEqual(summarizeArticle(structuredClone(article)));
  });

  it("should summarize text written without spaces (Chinese)", () => {
    // Prepare
    const article = articleFrom(
      [
        [
          "paragraph",
          [
            "港口工人周一因工资纠纷举行罢工。",
            "罢工导致港口十年来首次对集装箱船关闭。",
            "工会要求加薪百分之八并限制夜班。",
            "航运公司表示港口罢工造成的损失每天都在增加。",
            "工会与港务局的谈判将于周五恢复。",
          ],
        ],
      ],
      "zh",
    );

    // Act
    const summary = summarizeArticle(article, { mode: "sentences", value: 2 });

    // Assess
    expect(summary.language).toBe("zh");
    expect(summary.sentences).toHaveLength(2);
  });
});
