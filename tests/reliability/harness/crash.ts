/**
 * Crashing an invocation the way a Lambda dies (timeout, out of memory, killed): from outside the handler, so
 * no try/catch in stage code can turn the crash into a handled error. Each invocation runs in its own async
 * context; a crash fails the invocation at once (the whole batch is redelivered, as after a real crash), and
 * the work still pending in that context never resumes.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { SQSEvent } from "aws-lambda";
import type { HandlerWrapper } from "./stack";

interface Invocation {
  crashed: boolean;
  crash(error: Error): void;
}

const invocations = new AsyncLocalStorage<Invocation>();

export class InjectedCrashError extends Error {
  override readonly name = "InjectedCrash";
}

/** True inside an invocation that has crashed: whatever it does next must not happen. */
export function isCrashed(): boolean {
  return invocations.getStore()?.crashed ?? false;
}

/** Crashes the invocation this call runs in; never resolves (the code after the crash point never runs). */
export function crashCurrentInvocation<T>(why: string): Promise<T> {
  const invocation = invocations.getStore();
  if (!invocation) throw new Error(`a crash (${why}) outside any invocation`);
  invocation.crash(new InjectedCrashError(`injected: the handler ${why}`));
  return new Promise<T>(() => {});
}

/** Runs each invocation of every stage in a crashable context. */
export const crashable: HandlerWrapper = (_stage, handler) => (event: SQSEvent, context) =>
  new Promise((resolve, reject) => {
    const invocation: Invocation = {
      crashed: false,
      crash(error) {
        invocation.crashed = true;
        reject(error);
      },
    };
    invocations.run(invocation, () => handler(event, context).then(resolve, reject));
  });
