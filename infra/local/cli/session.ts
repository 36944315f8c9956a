/** Starts the local stack the way both commands want it: translator chosen, notice said once on stderr. */
import { acquireDataLock, type DataLock } from "../data-lock";
import { type LocalStack, startLocalStack } from "../stack";
import { type ChosenTranslator, chooseTranslator } from "../translators";
import { type CommonOptions, pipelineSettings } from "./options";

export interface Session {
  stack: LocalStack;
  translation: ChosenTranslator;
}

export async function startSession(options: CommonOptions): Promise<Session> {
  const translation = await chooseTranslator({
    ...(options.translator ? { requested: options.translator } : {}),
    targetLanguages: options.targetLanguages,
    targetsGiven: options.targetsGiven,
    settings: { profanity: false, brevity: false, terminologyNames: [] },
  });
  if (translation.notice) process.stderr.write(`notice: ${translation.notice}\n`);
  const stack = await startLocalStack({
    dataDirectory: options.dataDirectory,
    settings: pipelineSettings(options, translation),
    ...(translation.translator ? { translator: translation.translator } : {}),
    verbose: options.verbose,
  });
  return { stack, translation };
}

/**
 * Takes the data directory for this command, so a second `npm start`, `npm run dev` or a local backfill on it
 * refuses instead of racing it (the queues live in this process's memory).
 */
export function holdDataDirectory(options: CommonOptions, command: string): DataLock {
  return acquireDataLock(
    options.dataDirectory,
    command,
    (holder) =>
      `${options.dataDirectory} is in use by ${holder.command} (pid ${holder.pid}${holder.endpoint ? ` at ${holder.endpoint}` : ""}): wait for it to stop, or pass another --data-dir`,
  );
}

export interface HeldSession extends Session {
  /** Closes the stack, then releases the data directory. */
  close(): Promise<void>;
}

/** startSession under the directory's lock (released if the stack fails to start, or by close()). */
export async function startHeldSession(
  options: CommonOptions,
  command: string,
): Promise<HeldSession> {
  const lock = holdDataDirectory(options, command);
  const session = await startSession(options).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  lock.setEndpoint(session.stack.endpoint);
  return {
    ...session,
    close: async () => {
      try {
        await session.stack.close();
      } finally {
        lock.release();
      }
    },
  };
}
