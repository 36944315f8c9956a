import { describe, expect, it } from "vitest";
import { parseRow, summarizeRow } from "../../../shared/cli/summarize-rows";
import { normalizeArticle } from "../../../shared/normalize";
import { summarizeArticle } from "../../../shared/summarize";

const ROW = {
  id: "harbour",
  title: "Harbour strike",
  text: "Dock workers walked out on Monday over pay. The strike closed the port.\n\nShipping firms said losses would mount. Talks resume on Friday. The union wants a pay rise.",
};

describe("summarizeRow", () => {
  it("should summarize a row as the same title and text saved as a .json file", () => {
    // Prepare
    const row = parseRow(JSON.stringify(ROW), "rows.jsonl:1");
    const file = normalizeArticle({
      bytes: new TextEncoder().encode(JSON.stringify({ title: ROW.title, text: ROW.text })),
      fileName: "harbour.json",
    });
    const length = { mode: "sentences", value: 2 } as const;

    // Act
    const summary = summarizeRow(row, length);

    // Assess
    expect(summary).toEqual(summarizeArticle(file, length));
  });

  it("should summarize a row whose text holds a line or paragraph separator", () => {
    // Prepare: cleaned into a raw line break, it once broke the JSON the row was turned back into.
    const row = parseRow(
      JSON.stringify({
        ...ROW,
        text: ROW.text.replace("\n\n", "\u2029").replace(". The", ".\u2028The"),
      }),
      "rows.jsonl:1",
    );

    // Act
    const summary = summarizeRow(row, { mode: "sentences", value: 2 });

    // Assess
    expect(summary.sentences).toHaveLength(2);
  });

  it("should refuse a row over the size limit, naming it", () => {
    // Prepare
    const row = parseRow(
      JSON.stringify({ id: "huge", text: "a ".repeat(7 * 1024 * 1024) }),
      "rows.jsonl:1",
    );

    // Act, Assess
    expect(() => summarizeRow(row, { mode: "sentences", value: 2 })).toThrow(
      /huge\.json.*over the limit/,
    );
  });
});
