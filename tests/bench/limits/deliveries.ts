/**
 * SQS as the bench needs it: a stage's messages handed to its bundle in batches of the stage's batch size,
 * one capped invocation at a time; records reported as batch item failures (or all of a killed invocation)
 * come back with one more receive, up to the stage's maxReceiveCount, after which they count as lost.
 */
import type { SQSRecord } from "aws-lambda";
import type { StageName } from "../../../shared/pipeline/routing";
import { routeOf } from "../../../shared/pipeline/routing";
import { type InvocationResult, runCapped } from "./capped-run";

export interface StageFigures {
  peakRssMb: number;
  memoryMb: number;
  /** The longest invocation's CPU time, scaled to Lambda's CPU share at memoryMb. */
  cpuSeconds: number;
  /** The longest invocation on Lambda's clock: scaled CPU plus virtual Translate wait. */
  seconds: number;
  timeoutSeconds: number;
  invocations: number;
  /** The most deliveries any one message needed. */
  deliveries: number;
  recordsDone: number;
  recordsLost: number;
  killed: string[];
  fits: boolean;
}

export interface DeliveryOptions {
  stage: StageName;
  bundleFile: string;
  records: SQSRecord[];
  env: Record<string, string>;
  workDir: string;
  virtualWaitMs?: () => number;
  /** Before each invocation (the Translate clock starts again). */
  beforeInvocation?: () => void;
  onClock?: (push: () => void) => void;
  /** After each invocation, for progress lines. */
  onInvocation?: (result: InvocationResult, batch: number) => void;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function deliverAll(options: DeliveryOptions): Promise<StageFigures> {
  const { queue } = routeOf(options.stage);
  const receives = new Map<string, number>();
  let pending = options.records.map((r) => ({ ...r }));
  const figures: StageFigures = {
    peakRssMb: 0,
    memoryMb: queue.memoryMb,
    cpuSeconds: 0,
    seconds: 0,
    timeoutSeconds: queue.timeoutSeconds,
    invocations: 0,
    deliveries: 0,
    recordsDone: 0,
    recordsLost: 0,
    killed: [],
    fits: false,
  };
  while (pending.length > 0) {
    const batch = pending.slice(0, queue.batchSize);
    pending = pending.slice(queue.batchSize);
    for (const record of batch) {
      const count = (receives.get(record.messageId) ?? 0) + 1;
      receives.set(record.messageId, count);
      record.attributes = { ...record.attributes, ApproximateReceiveCount: String(count) };
      figures.deliveries = Math.max(figures.deliveries, count);
    }
    options.beforeInvocation?.();
    const result = await runCapped({
      stage: options.stage,
      bundleFile: options.bundleFile,
      event: { Records: batch },
      memoryMb: queue.memoryMb,
      timeoutSeconds: queue.timeoutSeconds,
      env: options.env,
      workDir: options.workDir,
      virtualWaitMs: options.virtualWaitMs ?? (() => 0),
      ...(options.onClock ? { onClock: options.onClock } : {}),
    });
    options.onInvocation?.(result, batch.length);
    figures.invocations += 1;
    figures.peakRssMb = Math.max(figures.peakRssMb, result.peakRssMb);
    if (result.killed) figures.killed.push(result.killed);
    if (result.error) figures.killed.push(`error: ${result.error.slice(0, 200)}`);
    figures.cpuSeconds = Math.max(figures.cpuSeconds, round(result.scaledCpuSeconds));
    if (Number.isFinite(result.seconds)) {
      figures.seconds = Math.max(figures.seconds, round(result.seconds));
    }
    const failed = new Set(
      result.killed || result.error
        ? batch.map((r) => r.messageId)
        : (result.response?.batchItemFailures ?? []).map((f) => f.itemIdentifier),
    );
    for (const record of batch) {
      if (!failed.has(record.messageId)) figures.recordsDone += 1;
      else if ((receives.get(record.messageId) ?? 0) >= queue.maxReceiveCount) {
        figures.recordsLost += 1;
      } else pending.push(record);
    }
  }
  figures.fits =
    figures.killed.length === 0 &&
    figures.recordsLost === 0 &&
    figures.peakRssMb <= figures.memoryMb &&
    figures.seconds <= figures.timeoutSeconds;
  return figures;
}
