/**
 * One local invocation, ended the way Lambda ends one. Lambda gives a handler until its timeout and then
 * kills it: nothing it had not done yet happens, and its message comes back later. In-process, a late run
 * cannot be killed (a stage deep in a parse keeps the event loop, and middy's early timeout only stops
 * waiting for it), so each run gets an abort signal that the local ports honour instead: once the invocation
 * has ended, every store, queue, event or translator call it makes is refused with InvocationAbandonedError.
 * Its message is only redelivered after the calls it had already started have finished, so a late run never
 * writes beside its own redelivery.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Context } from "aws-lambda";
import { localContext } from "../../../functions/common/sqs-handler";
import type { StageName } from "../../../shared/pipeline/routing";

export class InvocationTimeoutError extends Error {
  override readonly name = "InvocationTimeoutError";
}

/** A call from an invocation that already ended (timed out, or returned and left work behind). */
export class InvocationAbandonedError extends Error {
  override readonly name = "InvocationAbandonedError";
}

const current = new AsyncLocalStorage<Invocation>();

export class Invocation {
  readonly context: Context;
  private readonly controller = new AbortController();
  private calls = 0;
  private whenIdle: (() => void)[] = [];

  constructor(
    private readonly stage: StageName,
    private readonly timeoutMs: number,
  ) {
    this.context = localContext(stage, timeoutMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Runs the handler until it answers or its time is up (InvocationTimeoutError), whichever comes first; then
   * the invocation is over, whatever the handler still has pending.
   */
  async run<T>(handler: (context: Context) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new InvocationTimeoutError(`${this.stage} timed out after ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    let work: Promise<T>;
    try {
      work = current.run(this, () => handler(this.context));
    } catch (error) {
      work = Promise.reject(error);
    }
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      this.controller.abort(new InvocationAbandonedError(`the ${this.stage} invocation has ended`));
    }
  }

  /** True when no call the invocation started through a fenced port is still running. */
  get idle(): boolean {
    return this.calls === 0;
  }

  /** Resolves when no call the invocation started through a fenced port is still running. */
  settled(): Promise<void> {
    if (this.calls === 0) return Promise.resolve();
    return new Promise((resolve) => this.whenIdle.push(resolve));
  }

  call<T>(work: () => T): T | Promise<Awaited<T>> {
    if (this.signal.aborted) return Promise.reject(this.signal.reason);
    this.calls += 1;
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.callEnded();
      throw error;
    }
    return Promise.resolve(result).finally(() => this.callEnded());
  }

  private callEnded(): void {
    this.calls -= 1;
    if (this.calls === 0) for (const resolve of this.whenIdle.splice(0)) resolve();
  }
}

/**
 * The port, with every method call checked against the invocation it is made from: refused once that
 * invocation has ended, counted while it runs. Calls from outside any invocation (the CLI) pass through.
 */
export function fenced<T extends object>(port: T): T {
  return new Proxy(port, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const call = () => value.apply(target, args);
        const invocation = current.getStore();
        return invocation ? invocation.call(call) : call();
      };
    },
  });
}
