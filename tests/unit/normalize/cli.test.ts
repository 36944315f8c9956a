import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, SAMPLES } from "./helpers";

const TSX = join(REPO_ROOT, "node_modules/.bin/tsx");

function runCli(...args: string[]) {
  return spawnSync(TSX, ["shared/cli/normalize.ts", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
}

describe("npm run normalize", () => {
  it("should print the article as JSON, with the boilerplate listed as removed", () => {
    // Act
    const result = runCli(join(SAMPLES, "harbour-strike.txt"));

    // Assess
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const article = JSON.parse(result.stdout);
    expect(article.schemaVersion).toBe("1.0");
    expect(article.source.name).toBe("harbour-strike.txt");
    expect(article.removed.map((r: { text: string }) => r.text)).toContain("Before You Go");
  });

  it("should print the typed error on stderr and exit non-zero on bad input", () => {
    // Prepare
    const file = join(mkdtempSync(join(tmpdir(), "normalize-cli-")), "image.txt");
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));

    // Act
    const result = runCli(file);

    // Assess
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^BinaryInputError: ${file}: looks like a PNG image`));
  });

  it.each(["story.docx", "story.pdf"])(
    "should print the article of a Word or PDF file (%s) with its headings and paragraphs",
    (name) => {
      // Act
      const result = runCli(join(REPO_ROOT, "tests/fixtures/documents", name));

      // Assess
      expect(result.status).toBe(0);
      const article = JSON.parse(result.stdout);
      const types = article.blocks.map((b: { type: string }) => b.type);
      expect(types.filter((t: string) => t === "heading")).toHaveLength(2);
      expect(types.filter((t: string) => t === "paragraph")).toHaveLength(5);
    },
  );

  it.each([
    ["encrypted.pdf", "PasswordProtectedPdfError"],
    ["scanned.pdf", "NoTextLayerError"],
  ])("should refuse %s with %s naming the file", (name, errorType) => {
    // Prepare
    const file = join(REPO_ROOT, "tests/fixtures/documents", name);

    // Act
    const result = runCli(file);

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${errorType}: ${file}: `));
  });

  it("should report a missing file and a usage mistake", () => {
    expect(runCli("/nonexistent/article.txt").status).toBe(1);
    expect(runCli().status).toBe(2);
  });
});
