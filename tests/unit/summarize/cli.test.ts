import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

async function summarize(rows: string[], ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "summarize-cli-"));
  const input = join(dir, "articles.jsonl");
  const output = join(dir, "summaries.jsonl");
  writeFileSync(input, `${rows.join("\n")}\n`);
  const result = await run(
    TSX,
    ["shared/cli/summarize.ts", "--in", input, "--out", output, ...args],
    {
      cwd: ROOT,
    },
  ).catch((error: { code: number; stdout: string; stderr: string }) => error);
  const written = readFileSync(output, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; summary: string });
  return { stderr: result.stderr, written };
}

const ARTICLE = {
  id: "harbour",
  title: "Harbour strike",
  text: "Dock workers walked out on Monday over pay. The strike closed the port.\n\nShipping firms said losses would mount. Talks resume on Friday. The union wants a pay rise.",
};

describe("summarize CLI", () => {
  it("should write one {id, summary} row per article with sentences joined by newlines", async () => {
    // Act
    const { written } = await summarize([JSON.stringify(ARTICLE)], "--sentences", "2");

    // Assess
    expect(written).toHaveLength(1);
    expect(written[0]?.id).toBe("harbour");
    expect(written[0]?.summary.split("\n")).toHaveLength(2);
  });

  it("should report a malformed row with its line number and still write the others", async () => {
    // Act
    const { written, stderr } = await summarize([
      "{not json",
      JSON.stringify(ARTICLE),
      JSON.stringify({ id: "no-text" }),
      JSON.stringify({ id: "empty", text: "" }),
    ]);

    // Assess
    expect(written.map((w) => w.id)).toEqual(["harbour"]);
    expect(stderr).toMatch(/articles\.jsonl:1: not valid JSON/);
    expect(stderr).toMatch(/articles\.jsonl:3: needs a string "text"/);
    expect(stderr).toMatch(/articles\.jsonl:4: empty\.json: /);
  });
});
