/**
 * The Lambda stand-in of `npm run bench:limits`, run in its own capped process (capped-run.ts): imports a
 * stage's bundle as Lambda does (module init first, outside the invocation's clock), invokes its handler once
 * with the event file and reports the response, the invocation's CPU time and the process's peak RSS over
 * IPC. Plain JavaScript, so the process holds nothing but Node and the bundle.
 *
 * The context's remaining time runs on Lambda's clock as far as it can be known here: this process's CPU
 * time scaled to the vCPU share of the configured memory, plus the Translate latency the bench's fake
 * service has accounted on its virtual clock (sent over IPC as requests are answered).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const { BENCH_BUNDLE, BENCH_EVENT, BENCH_TIMEOUT_MS, BENCH_CPU_SCALE, BENCH_STAGE } = process.env;
const timeoutMs = Number(BENCH_TIMEOUT_MS);
const cpuScale = Number(BENCH_CPU_SCALE);
let virtualWaitMs = 0;
process.on("message", (message) => {
  if (typeof message?.virtualWaitMs === "number") virtualWaitMs = message.virtualWaitMs;
});

const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * This process's own peak resident set: VmHWM, which belongs to the address space exec gave it. Not getrusage's
 * maxRSS, which Linux carries over exec from the forked copy of the parent (the bench process, which holds every
 * stored object), so it would report the parent's size at spawn as this invocation's peak.
 */
function ownPeakRssKb() {
  try {
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage's figure, the best there is.
  }
  return process.resourceUsage().maxRSS;
}

const initStart = process.cpuUsage();
const { handler } = await import(pathToFileURL(BENCH_BUNDLE).href);
const initCpuMs = cpuMs(initStart);
const event = JSON.parse(readFileSync(BENCH_EVENT, "utf8"));

const start = process.cpuUsage();
let startingUp = true;
const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: `bench-${BENCH_STAGE}`,
  functionVersion: "$LATEST",
  invokedFunctionArn: `arn:aws:lambda:eu-west-1:111122223333:function:bench-${BENCH_STAGE}`,
  memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
  awsRequestId: `bench-${Date.now()}`,
  logGroupName: `/aws/lambda/bench-${BENCH_STAGE}`,
  logStreamName: "bench",
  getRemainingTimeInMillis: () => {
    // middy arms a wall-clock timer from a reading it takes as the invocation starts, before any I/O. Wall
    // time on a loaded bench machine is not Lambda's time, so readings until the first turn of the event
    // loop get ten times the timeout; the timeout itself is enforced on Lambda's clock by the bench's watch
    // (capped-run.ts) and seen by every later reading (the handler's guards read after their first I/O).
    if (startingUp) return timeoutMs * 10;
    return Math.max(0, timeoutMs - (cpuMs(start) * cpuScale + virtualWaitMs));
  },
  done: () => {},
  fail: () => {},
  succeed: () => {},
};
let response;
let error;
setImmediate(() => {
  startingUp = false;
});
try {
  response = await handler(event, context);
} catch (thrown) {
  error = String(thrown?.stack ?? thrown);
}
process.send(
  {
    response,
    error,
    initCpuMs,
    cpuMs: cpuMs(start),
    virtualWaitMs,
    maxRssKb: ownPeakRssKb(),
  },
  () => process.exit(0),
);
