import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import type { NormalizedArticle } from "../../../shared/contract/article";
import { normalizeFile, normalizeText, REPO_ROOT, SAMPLES } from "./helpers";

const schema = JSON.parse(
  readFileSync(join(REPO_ROOT, "shared/contract/schemas/article.schema.json"), "utf8"),
);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile<NormalizedArticle>(schema);

function articles(): [string, NormalizedArticle][] {
  return [
    ...["txt", "md", "html"].map((ext): [string, NormalizedArticle] => [
      ext,
      normalizeFile(join(SAMPLES, `harbour-strike.${ext}`)),
    ]),
    ["json", normalizeText('{"title": "T", "text": "One. Two.", "language": "en"}', "a.json")],
    ["lone line", normalizeText("!!! 42")],
  ];
}

describe("article.schema.json", () => {
  it.each(articles())("should accept the %s output", (_name, article) => {
    // Act: a JSON round trip, as consumers read the file
    const valid = validate(JSON.parse(JSON.stringify(article)));

    // Assess
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("should reject an article with a missing field or a wrong block type", () => {
    // Prepare
    const article = JSON.parse(JSON.stringify(normalizeText("One. Two.")));
    const { stats: _stats, ...withoutStats } = article;
    const badBlock = { ...article, blocks: [{ ...article.blocks[0], type: "footer" }] };

    // Act / Assess
    expect(validate(withoutStats)).toBe(false);
    expect(validate(badBlock)).toBe(false);
  });
});
