import { PipelineError } from "../../errors";

/**
 * Attempts and pauses for a write whose loss would cost more than the write: an output made from a paid
 * translation (a redelivery would bill Amazon Translate again) or the report a manifest points at. The SDK
 * has already retried each attempt; these cover a short S3 blip (500/503 SlowDown) without a redelivery.
 */
export const OUTPUT_WRITE_ATTEMPTS = 3;
const BACKOFF_MS = [50, 200] as const;

export async function withWriteRetry<T>(
  write: () => Promise<T>,
  onRetry?: (attempt: number, error: unknown) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      // A refusal that no retry can change (bad input) goes straight out, and so does the last failure.
      const permanent = error instanceof PipelineError && !error.retryable;
      if (permanent || attempt >= OUTPUT_WRITE_ATTEMPTS) throw error;
      onRetry?.(attempt, error);
      await sleep(BACKOFF_MS[attempt - 1] ?? 200);
    }
  }
}
