import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CommonOptions } from "../../../infra/local/cli/options";
import { holdDataDirectory, startHeldSession } from "../../../infra/local/cli/session";
import { DataDirectoryBusyError, LOCK_FILE } from "../../../infra/local/data-lock";

function options(dataDirectory: string): CommonOptions {
  return {
    targetLanguages: [],
    targetsGiven: true,
    translator: "none",
    dataDirectory,
    verbose: false,
  };
}

describe("npm start's hold on the data directory", () => {
  it("should refuse to start on a directory another command holds, naming it", async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), "held-"));
    const dev = holdDataDirectory(options(dir), "npm run dev");
    try {
      // Act
      const attempt = startHeldSession(options(dir), "npm start");
      // Assess
      await expect(attempt).rejects.toBeInstanceOf(DataDirectoryBusyError);
      await expect(attempt).rejects.toThrow(/in use by npm run dev \(pid \d+/);
    } finally {
      dev.release();
    }
  });

  it("should hold the directory while the stack runs and release it when the stack closes", async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), "held-"));
    // Act
    const session = await startHeldSession(options(dir), "npm start");
    const heldWhileRunning = existsSync(join(dir, LOCK_FILE));
    await session.close();
    // Assess
    expect(heldWhileRunning).toBe(true);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
