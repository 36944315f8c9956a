/**
 * The app as `cdk synth` runs it (cdk.json: `npx tsx infra/aws/app.ts`, context handed over in CDK_CONTEXT_JSON):
 * a refused setting is one line on stderr naming the context key, and exit code 1, never a stack trace.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

describe("the CDK app's entry point", () => {
  it("should exit 1 with one line naming targetLanguages and the bad code for targetLanguages=es,xx", () => {
    // Prepare
    const outdir = mkdtempSync(join(tmpdir(), "cdk-out-"));
    try {
      // Act
      const run = spawnSync(
        process.execPath,
        [
          join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
          join(ROOT, "infra", "aws", "app.ts"),
        ],
        {
          cwd: ROOT,
          encoding: "utf8",
          env: {
            ...process.env,
            CDK_CONTEXT_JSON: JSON.stringify({ targetLanguages: "es,xx" }),
            CDK_OUTDIR: outdir,
          },
        },
      );
      // Assess
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Invalid setting: targetLanguages: "xx" is not a language/);
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
