/**
 * ObjectStore faults for the handlers in local mode. Two kinds, each once per matching key:
 *  - "fail-write": the PUT is refused (as S3 does with a 500/503 after the SDK's own retries): nothing written.
 *  - "crash-after-write": the PUT succeeds, then the invocation dies before its next step (the Lambda ran out
 *    of time or memory between two writes). No stage code may see (or catch) a crash: the invocation is failed
 *    from outside (harness/crash.ts) and every later store call of that invocation never returns.
 */

import type {
  ConditionalPutOptions,
  ObjectHead,
  ObjectStore,
  PutOptions,
  StoredObject,
} from "../../../shared/pipeline/ports";
import { crashCurrentInvocation, isCrashed } from "./crash";

export type StoreFaultKind = "fail-write" | "crash-after-write";

export interface StoreFault {
  kind: StoreFaultKind;
  /** Which keys (in the results bucket) the fault hits, once each. */
  keys: RegExp;
}

export class InjectedWriteError extends Error {
  override readonly name = "InternalError";
  readonly $metadata = { httpStatusCode: 500 };
}

export class FaultyObjectStore implements ObjectStore {
  /** Keys a fault has hit, in order. */
  readonly hits: { kind: StoreFaultKind; key: string }[] = [];
  private readonly done = new Set<string>();
  private pending = 0;
  private drainedWaiters: (() => void)[] = [];

  constructor(
    private readonly inner: ObjectStore,
    private readonly faults: readonly StoreFault[],
  ) {}

  /**
   * Resolves when no store call is in flight. A crashed invocation's other records may still have a request
   * in flight after the queue counts the invocation done; its write lands later, like a dying Lambda's would.
   */
  drained(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainedWaiters.push(resolve));
  }

  get(bucket: string, key: string): Promise<StoredObject | undefined> {
    return isCrashed() ? never() : this.track(this.inner.get(bucket, key));
  }

  head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    return isCrashed() ? never() : this.track(this.inner.head(bucket, key));
  }

  async put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options?: PutOptions,
  ): Promise<{ etag: string }> {
    if (isCrashed()) return never();
    const fault = this.faultFor(key);
    if (fault === "fail-write") throw new InjectedWriteError(`injected: PUT ${key} failed`);
    const written = await this.track(this.inner.put(bucket, key, body, options));
    if (fault === "crash-after-write") return crashCurrentInvocation(`died after writing ${key}`);
    return written;
  }

  async putConditional(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options?: ConditionalPutOptions,
  ): Promise<{ written: boolean; etag?: string }> {
    if (isCrashed()) return never();
    const fault = this.faultFor(key);
    if (fault === "fail-write") throw new InjectedWriteError(`injected: PUT ${key} failed`);
    const written = await this.track(this.inner.putConditional(bucket, key, body, options));
    if (fault === "crash-after-write") return crashCurrentInvocation(`died after writing ${key}`);
    return written;
  }

  private async track<T>(call: Promise<T>): Promise<T> {
    this.pending += 1;
    try {
      return await call;
    } finally {
      this.pending -= 1;
      if (this.pending === 0) for (const resolve of this.drainedWaiters.splice(0)) resolve();
    }
  }

  private faultFor(key: string): StoreFaultKind | undefined {
    for (const fault of this.faults) {
      const id = `${fault.kind}\n${key}`;
      if (!fault.keys.test(key) || this.done.has(id)) continue;
      this.done.add(id);
      this.hits.push({ kind: fault.kind, key });
      return fault.kind;
    }
    return undefined;
  }
}

function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}
