import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  acquireDataLock,
  DataDirectoryBusyError,
  LOCK_FILE,
  lockHolder,
} from "../../infra/local/data-lock";

const refusal = (holder: { command: string; pid: number }) =>
  `held by ${holder.command} (${holder.pid})`;

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid ?? 0;
}

describe("data directory lock", () => {
  it("should write who holds the directory, with its endpoint once known, and remove it on release", () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    // Act
    const lock = acquireDataLock(dir, "npm run dev", refusal);
    lock.setEndpoint("http://127.0.0.1:1234");
    const written = JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8"));
    lock.release();
    // Assess
    expect(written).toMatchObject({
      command: "npm run dev",
      pid: process.pid,
      endpoint: "http://127.0.0.1:1234",
    });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("should refuse while a live process holds the directory, naming it", () => {
    // Prepare: the parent of this test process is alive for as long as the test runs.
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    const holder = { command: "npm run dev", pid: process.ppid, startedAt: "t" };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(holder));
    // Act
    const attempt = () => acquireDataLock(dir, "npm run backfill", refusal);
    // Assess
    expect(attempt).toThrow(DataDirectoryBusyError);
    expect(attempt).toThrow(`held by npm run dev (${process.ppid})`);
    expect(lockHolder(dir)).toMatchObject({ pid: process.ppid });
  });

  it("should take over a lock whose process is gone", () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ command: "npm run dev", pid: deadPid() }));
    // Act
    const lock = acquireDataLock(dir, "npm run backfill", refusal);
    // Assess
    expect(lockHolder(dir)).toMatchObject({ command: "npm run backfill", pid: process.pid });
    lock.release();
  });
});
