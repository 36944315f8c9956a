import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const LAUNCHER = join(ROOT, "scripts/cli.mjs");

const ARTICLE = {
  id: "harbour",
  title: "Harbour strike",
  text: "Dock workers walked out on Monday over pay. The strike closed the port.\n\nShipping firms said losses would mount. Talks resume on Friday. The union wants a pay rise.",
};

describe("built CLIs (scripts/cli.mjs → dist/cli)", () => {
  it("should print the same article.json as the TypeScript sources", async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), "built-cli-"));
    const file = join(dir, "harbour.txt");
    writeFileSync(file, ARTICLE.text);

    // Act
    const built = await run(process.execPath, [LAUNCHER, "normalize", file], { cwd: ROOT });
    const source = await run(TSX, ["shared/cli/normalize.ts", file], { cwd: ROOT });

    // Assess
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.stdout));
  }, 120_000);

  it("should write the same summaries as the TypeScript sources", async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), "built-cli-"));
    const input = join(dir, "articles.jsonl");
    writeFileSync(input, `${JSON.stringify(ARTICLE)}\n`);
    const args = (out: string) => ["--in", input, "--out", join(dir, out), "--sentences", "2"];

    // Act
    await run(process.execPath, [LAUNCHER, "summarize", ...args("built.jsonl")], { cwd: ROOT });
    await run(TSX, ["shared/cli/summarize.ts", ...args("source.jsonl")], { cwd: ROOT });

    // Assess
    const built = readFileSync(join(dir, "built.jsonl"), "utf8");
    expect(built).toBe(readFileSync(join(dir, "source.jsonl"), "utf8"));
    expect(built).toContain('"id":"harbour"');
  }, 120_000);

  it("should start the local-mode CLI, whose dependencies stay outside the bundle", async () => {
    // Act
    const built = await run(process.execPath, [LAUNCHER, "start", "--help"], { cwd: ROOT });

    // Assess
    expect(built.stdout).toMatch(/usage: npm start -- <file or folder/);
  }, 120_000);

  it("should rebuild before running when a file written beside the bundles is missing", async () => {
    // Prepare: the launcher in a scratch checkout whose build step only leaves a mark, built with every
    // source older than the build but without the lazy file the build wrote beside the bundle.
    const root = mkdtempSync(join(tmpdir(), "cli-launcher-"));
    mkdirSync(join(root, "scripts"));
    mkdirSync(join(root, "dist/cli"), { recursive: true });
    copyFileSync(LAUNCHER, join(root, "scripts/cli.mjs"));
    writeFileSync(
      join(root, "scripts/build-cli.mjs"),
      `import { writeFileSync } from "node:fs";
export const CLIS = { hello: {} };
export async function buildClis() {
  writeFileSync(new URL("../dist/cli/rebuilt", import.meta.url), "");
}
`,
    );
    writeFileSync(join(root, "dist/cli/hello.mjs"), 'console.log("ran");\n');
    writeFileSync(
      join(root, "dist/cli/inputs.json"),
      JSON.stringify({
        builtAt: Date.now() + 60_000,
        files: ["scripts/cli.mjs"],
        outputs: ["hello.mjs", "lazy/eld/ngrams.bin"],
      }),
    );

    // Act
    const result = await run(process.execPath, [join(root, "scripts/cli.mjs"), "hello"]);

    // Assess
    expect(existsSync(join(root, "dist/cli/rebuilt"))).toBe(true);
    expect(result.stdout).toBe("ran\n");
  });

  it("should exit 2 with its usage for an unknown CLI name", async () => {
    // Act
    const result = await run(process.execPath, [LAUNCHER, "../etc"], { cwd: ROOT }).catch(
      (error: { code: number; stderr: string }) => error,
    );

    // Assess
    expect(result).toMatchObject({ code: 2 });
    expect((result as { stderr: string }).stderr).toMatch(/usage: node scripts\/cli\.mjs/);
  });
});
