import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipelineErrorClass } from "../../errors";

/** The `apertium` command is not on PATH. */
export class ApertiumNotInstalledError extends pipelineErrorClass(
  "ApertiumNotInstalledError",
  false,
) {}

/** Apertium exited with an error, was killed at the timeout, or answered out of line. */
export class ApertiumProcessError extends pipelineErrorClass("ApertiumProcessError", false) {}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a command and returns its output; rejects with a typed error otherwise. No stdin: the apertium script
 * reads its input by opening /dev/stdin, which fails on the socket Node gives a child as stdin, so input goes
 * through a file (see withInputFile).
 */
export function runProcess(
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (data: Buffer) => stdout.push(data));
    child.stderr.on("data", (data: Buffer) => stderr.push(data));
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === "ENOENT"
          ? new ApertiumNotInstalledError(
              `"${command}" not found: install Apertium and a language pair, e.g. apt-get install apertium apertium-eng-spa`,
              undefined,
              { cause: error },
            )
          : new ApertiumProcessError(`${command} could not start: ${error.message}`, undefined, {
              cause: error,
            }),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // Decoded once at the end so a multi-byte character split across two reads stays whole.
      const out = Buffer.concat(stdout).toString("utf8");
      const err = Buffer.concat(stderr).toString("utf8").trim();
      if (timedOut) {
        reject(
          new ApertiumProcessError(`${command} ${args.join(" ")} killed after ${timeoutMs} ms`),
        );
      } else if (code !== 0) {
        reject(
          new ApertiumProcessError(
            `${command} ${args.join(" ")} exited with ${code ?? signal}${err ? `: ${err}` : ""}`,
          ),
        );
      } else resolve({ stdout: out, stderr: err });
    });
  });
}

/** Writes `input` to a private temporary file for the duration of `use`, then removes it. */
export async function withInputFile<T>(
  input: string,
  use: (path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "apertium-"));
  try {
    const path = join(dir, "input.txt");
    await writeFile(path, input, "utf8");
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
