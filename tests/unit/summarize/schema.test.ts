import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { summarizeArticle } from "../../../shared/summarize";
import { articleFrom, HARBOUR_STRIKE } from "./article-fixture";

const schema = JSON.parse(
  readFileSync(
    join(import.meta.dirname, "../../../shared/contract/schemas/summary.schema.json"),
    "utf8",
  ),
);

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("summary.schema.json", () => {
  it.each([
    { mode: "sentences", value: 3 },
    { mode: "words", value: 40 },
    { mode: "ratio", value: 0.3 },
  ] as const)("should accept the summarizer's output for %o", (length) => {
    // Prepare
    const validate = validator();

    // Act
    const valid = validate(summarizeArticle(articleFrom(HARBOUR_STRIKE), length));

    // Assess
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("should accept an empty summary with its reason", () => {
    const validate = validator();
    expect(validate(summarizeArticle(articleFrom([["title", ["Only a headline"]]])))).toBe(true);
  });

  it("should reject a summary whose sentence lacks an id", () => {
    // Prepare
    const validate = validator();
    const summary = summarizeArticle(articleFrom(HARBOUR_STRIKE));
    const broken = { ...summary, sentences: summary.sentences.map(({ id: _id, ...rest }) => rest) };

    // Act
    const valid = validate(broken);

    // Assess
    expect(valid).toBe(false);
  });
});
