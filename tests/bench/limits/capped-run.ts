/**
 * One Lambda invocation of a stage bundle in a child process held to the stage's limits, as Lambda holds it:
 * - memory: V8's heap capped with `--max-old-space-size` (90% of the memory: Lambda's V8 sizes its heap from
 *   the function's memory, and the rest is Node itself and buffers), and a hard watch on the resident set
 *   (/proc/<pid>/status VmRSS, every 20 ms) that kills the process past the configured memory, as Lambda's
 *   out-of-memory kill does; the peak is the process's own high-water mark (VmHWM, as the driver reads it at the end), so a spike between two
 *   looks is still counted;
 * - time: the invocation's CPU time (/proc/<pid>/stat) scaled to Lambda's CPU share at that memory, plus
 *   the Translate latency on the virtual clock; past the timeout the process is killed, as Lambda kills it.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { LAMBDA_MB_PER_VCPU } from "../../../shared/limits";

export function cpuScaleFor(memoryMb: number): number {
  return Math.max(1, LAMBDA_MB_PER_VCPU / memoryMb);
}

export interface CappedRun {
  stage: string;
  bundleFile: string;
  event: SQSEvent;
  memoryMb: number;
  timeoutSeconds: number;
  env: Record<string, string>;
  /** Virtual Translate wait so far, read when the result is put together and sent to the child. */
  virtualWaitMs: () => number;
  /** Called with a function that pushes the virtual clock to the child. */
  onClock?: (push: () => void) => void;
  workDir: string;
}

export interface InvocationResult {
  response?: SQSBatchResponse;
  /** "memory" or "timeout" when the process was killed as Lambda would kill it; "crash" when it died. */
  killed?: "memory" | "timeout" | "crash";
  error?: string;
  /** The first "record failed" log line of the invocation, if any. */
  failureLog?: string;
  peakRssMb: number;
  /** The invocation's CPU time on this machine (module init excluded: Lambda runs it before the clock). */
  cpuSeconds: number;
  /** The same, scaled to Lambda's CPU share at the configured memory. */
  scaledCpuSeconds: number;
  virtualWaitSeconds: number;
  /** scaledCpuSeconds + virtualWaitSeconds: the invocation's duration on Lambda's clock. */
  seconds: number;
}

const DRIVER = join(import.meta.dirname, "driver.mjs");
const TICKS_PER_SECOND = 100;
const WATCH_MS = 20;

function procStatus(pid: number): { rssKb: number; hwmKb: number; cpuSeconds: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = /VmRSS:\s+(\d+)/.exec(status);
    const hwm = /VmHWM:\s+(\d+)/.exec(status);
    // Fields after the command name: state is field 3, utime 14 and stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return {
      rssKb: Number(rss?.[1] ?? 0),
      hwmKb: Number(hwm?.[1] ?? 0),
      cpuSeconds: ticks / TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

export async function runCapped(run: CappedRun): Promise<InvocationResult> {
  const eventFile = join(run.workDir, `${run.stage}-event.json`);
  writeFileSync(eventFile, JSON.stringify(run.event));
  const scale = cpuScaleFor(run.memoryMb);
  const heapMb = Math.floor(run.memoryMb * 0.9);
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, DRIVER], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: {
      ...run.env,
      BENCH_BUNDLE: run.bundleFile,
      BENCH_EVENT: eventFile,
      BENCH_STAGE: run.stage,
      BENCH_TIMEOUT_MS: String(run.timeoutSeconds * 1000),
      BENCH_CPU_SCALE: String(scale),
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(run.memoryMb),
    },
  });
  const pid = child.pid as number;
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // The handler's log lines: only why a record failed is kept, to say why a stage did not fit.
  let failureLog = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (line.includes('"record failed"') && !failureLog) failureLog = line.slice(0, 600);
    }
  });
  run.onClock?.(() => {
    if (child.connected) child.send({ virtualWaitMs: run.virtualWaitMs() });
  });

  let killed: InvocationResult["killed"];
  let peakKb = 0;
  // CPU of the import, taken from /proc once the driver says init is over: until then the watch counts
  // init CPU too, which only makes the timeout kill come earlier than on Lambda (conservative).
  const watch = setInterval(() => {
    const now = procStatus(pid);
    if (!now) return;
    peakKb = Math.max(peakKb, now.hwmKb, now.rssKb);
    if (now.rssKb > run.memoryMb * 1024) {
      killed = "memory";
      child.kill("SIGKILL");
    } else if (now.cpuSeconds * scale + run.virtualWaitMs() / 1000 > run.timeoutSeconds) {
      killed = "timeout";
      child.kill("SIGKILL");
    }
  }, WATCH_MS);

  type Report = {
    response?: SQSBatchResponse;
    error?: string;
    cpuMs: number;
    virtualWaitMs: number;
    maxRssKb: number;
  };
  let report: Report | undefined;
  child.on("message", (message) => {
    report = message as Report;
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(watch);

  if (!report || killed) {
    return {
      killed: killed ?? "crash",
      error: killed
        ? undefined
        : `exit ${exitCode}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`,
      peakRssMb: Math.round(peakKb / 1024),
      cpuSeconds: 0,
      scaledCpuSeconds: 0,
      virtualWaitSeconds: run.virtualWaitMs() / 1000,
      seconds: Number.NaN,
    };
  }
  const cpuSeconds = report.cpuMs / 1000;
  const virtualWaitSeconds = run.virtualWaitMs() / 1000;
  return {
    ...(failureLog ? { failureLog } : {}),
    ...(report.response ? { response: report.response } : {}),
    ...(report.error ? { error: report.error } : {}),
    peakRssMb: Math.round(Math.max(peakKb, report.maxRssKb) / 1024),
    cpuSeconds,
    scaledCpuSeconds: cpuSeconds * scale,
    virtualWaitSeconds,
    seconds: cpuSeconds * scale + virtualWaitSeconds,
  };
}
