/** `npm start` as a user runs it: a child process, files in, JSON lines and --out files out, an exit code. */
import { execFile, execFileSync, spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleReport } from "../../infra/local/cli/report";
import { SAMPLE_TXT, SAMPLES } from "./helpers";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");

/** The Apertium modes installed here ([] without Apertium). */
function apertiumModes(): string[] {
  try {
    return execFileSync("apertium", ["-l"], { encoding: "utf8" }).split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}
const MODES = apertiumModes();

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cli-e2e-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "infra/local/cli/start.ts", ...args],
      { cwd: ROOT, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm start", () => {
  it("should report each article as one JSON line, copy outputs to --out, and exit 1 naming the failed file", async () => {
    // Prepare
    const inbox = join(dir, "in");
    const out = join(dir, "out");
    await run("mkdir", ["-p", inbox]);
    await copyFile(SAMPLE_TXT, join(inbox, "good article.txt"));
    await writeFile(join(inbox, "empty.txt"), "");

    // Act
    const result = await start([
      inbox,
      "--translator",
      "none",
      "--json",
      "--sentences",
      "2",
      "--out",
      out,
      "--data-dir",
      join(dir, "data"),
    ]);

    // Assess
    const reports = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as ArticleReport);
    const byFile = new Map(reports.map((r) => [r.key, r]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("empty.txt (failed)");
    expect(byFile.get("incoming/good article.txt")).toMatchObject({
      status: "complete",
      language: "en",
    });
    expect(byFile.get("incoming/good article.txt")?.summary?.split("\n")).toHaveLength(2);
    expect(byFile.get("incoming/empty.txt")?.status).toBe("failed");
    const good = byFile.get("incoming/good article.txt") as ArticleReport;
    const manifestPath = join(out, "results", good.articleId, "manifest.json");
    expect(good.outputs["manifest.json"]).toBe(manifestPath);
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    expect(manifest.languages).toEqual({});
    const failed = byFile.get("incoming/empty.txt") as ArticleReport;
    expect((await stat(join(out, "results", failed.articleId, "error.json"))).isFile()).toBe(true);
  });

  it("should print the summary and the path of the article's report on a plain run", async () => {
    // Prepare
    const out = join(dir, "plain-out");

    // Act
    const result = await start([
      SAMPLE_TXT,
      "--translator",
      "none",
      "--out",
      out,
      "--data-dir",
      join(dir, "plain-data"),
    ]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("summary:");
    const reportLine = result.stdout.split("\n").find((line) => line.trim().startsWith("report: "));
    expect(reportLine).toBeDefined();
    const reportPath = reportLine?.trim().slice("report: ".length) ?? "";
    expect(reportPath.endsWith("/report.html")).toBe(true);
    const html = await readFile(join(ROOT, reportPath), "utf8").catch(() =>
      readFile(reportPath, "utf8"),
    );
    expect(html).toContain("<!doctype html>");
  });

  it("should exit 2 with a message naming the file when it does not exist", async () => {
    // Act
    const result = await start(["no/such/file.txt", "--data-dir", join(dir, "data")]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no/such/file.txt: no such file or folder");
  });

  it.skipIf(!MODES.includes("eng-spa") || MODES.some((m) => m.startsWith("eng-fra")))(
    "should fail only the language whose Apertium pair is missing, naming its package, and exit 1",
    async () => {
      // Prepare
      const out = join(dir, "pair-out");

      // Act
      const result = await start([
        SAMPLE_TXT,
        "--to",
        "es,fr",
        "--json",
        "--out",
        out,
        "--data-dir",
        join(dir, "pair-data"),
      ]);

      // Assess
      const report = JSON.parse(result.stdout.trim()) as ArticleReport;
      expect(result.code).toBe(1);
      expect(report.status).toBe("partial");
      expect(result.stderr).toContain("no Apertium pair into fr");
      expect(result.stderr).toContain("apertium-eng-fra");
      expect(result.stderr).not.toContain("apertium-eng-spa");
      expect(report.outputs["translations/es.txt"]).toBeDefined();
      const record = JSON.parse(
        await readFile(report.outputs["translations/fr.error.json"] ?? "", "utf8"),
      );
      expect(record.errorType).toBe("ApertiumPairMissingError");
      expect(record.message).toContain("apertium-eng-fra");
    },
  );

  it("should print only JSON lines on stdout with `npm start --silent -- … --json`, as the README shows", async () => {
    // Act
    const { stdout } = await run(
      "npm",
      [
        "start",
        "--silent",
        "--",
        SAMPLE_TXT,
        "--json",
        "--translator",
        "none",
        "--out",
        join(dir, "silent-out"),
        "--data-dir",
        join(dir, "silent-data"),
      ],
      { cwd: ROOT, timeout: 60_000 },
    );

    // Assess
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0] ?? "") as ArticleReport).status).toBe("complete");
  });

  it("should print only JSON lines on stdout with `npx article-pipeline start … --json`", async () => {
    // Act
    const { stdout } = await run(
      "npx",
      [
        "article-pipeline",
        "start",
        SAMPLE_TXT,
        "--json",
        "--translator",
        "none",
        "--out",
        join(dir, "bin-out"),
        "--data-dir",
        join(dir, "bin-data"),
      ],
      { cwd: ROOT, timeout: 60_000 },
    );

    // Assess
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0] ?? "") as ArticleReport).status).toBe("complete");
  });

  it("should end quietly when the reader of --json closes the pipe after the first line", async () => {
    // Prepare
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "infra/local/cli/start.ts",
        SAMPLES,
        "--json",
        "--translator",
        "none",
        "--out",
        join(dir, "epipe-out"),
        "--data-dir",
        join(dir, "epipe-data"),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (data: Buffer) => {
      stderr += data.toString();
    });

    // Act: read one line, then close the pipe like `| head -1`.
    const first = await new Promise<string>((resolve) => {
      let text = "";
      child.stdout.on("data", (data: Buffer) => {
        text += data.toString();
        if (text.includes("\n")) {
          child.stdout.destroy();
          resolve(text.slice(0, text.indexOf("\n")));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));

    // Assess
    expect(JSON.parse(first)).toHaveProperty("status");
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("should report a file whose key S3 refuses as failed and still process the others", async () => {
    // Prepare: five folders of 230 bytes put the deep file's key over S3's 1,024 bytes.
    const inbox = join(dir, "long-keys");
    const deep = join(inbox, ...Array.from({ length: 5 }, () => "d".repeat(230)));
    await mkdir(deep, { recursive: true });
    await copyFile(SAMPLE_TXT, join(inbox, "good.txt"));
    await copyFile(SAMPLE_TXT, join(deep, "deep.txt"));

    // Act
    const result = await start([
      inbox,
      "--translator",
      "none",
      "--json",
      "--out",
      join(dir, "long-keys-out"),
      "--data-dir",
      join(dir, "long-keys-data"),
    ]);

    // Assess
    const reports = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as ArticleReport);
    expect(result.code).toBe(1);
    expect(reports.find((r) => r.key === "incoming/good.txt")?.status).toBe("complete");
    const refused = reports.find((r) => r.key.endsWith("/deep.txt"));
    expect(refused?.status).toBe("failed");
    expect(refused?.problem).toContain("KeyTooLongError");
  });
});
