/**
 * Who holds a local data directory. The local queues live in the memory of the process that runs the stack
 * (spilled to files only under load or at shutdown, and read back only at start), so a second process on the
 * same directory could neither hand that process messages nor safely share its spill folders. `npm run dev`
 * and `npm run backfill -- --local` write `<data>/lock.json` while they run and remove it when they stop; a lock
 * whose process is gone (killed, crashed) is stale and taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../shared/errors";

export const LOCK_FILE = "lock.json";

export interface LockHolder {
  /** How the user started it, for messages ("npm run dev"). */
  command: string;
  pid: number;
  startedAt: string;
  /** The S3 endpoint it serves, once known. */
  endpoint?: string;
}

/** Another live process holds the data directory. */
export class DataDirectoryBusyError extends InputError {
  override readonly name = "DataDirectoryBusyError";

  constructor(
    message: string,
    readonly holder: LockHolder,
  ) {
    super(message);
  }
}

export interface DataLock {
  readonly file: string;
  /** Records the endpoint once the stack is up, so a refused process can point the user to it. */
  setEndpoint(endpoint: string): void;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live holder of the directory, if any (a stale or unreadable lock file counts as none). */
export function lockHolder(dataDirectory: string): LockHolder | undefined {
  let holder: LockHolder;
  try {
    holder = JSON.parse(readFileSync(join(dataDirectory, LOCK_FILE), "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(holder.pid)) return undefined;
  return isAlive(holder.pid) ? holder : undefined;
}

/**
 * Takes the directory for this process, or throws DataDirectoryBusyError built by `refusal` when a live
 * process holds it. Released on `release()` and, as a last resort, when this process exits.
 */
export function acquireDataLock(
  dataDirectory: string,
  command: string,
  refusal: (holder: LockHolder) => string,
): DataLock {
  const file = join(dataDirectory, LOCK_FILE);
  const mine: LockHolder = { command, pid: process.pid, startedAt: new Date().toISOString() };
  mkdirSync(dataDirectory, { recursive: true });
  // Created exclusively ("wx"): of two processes starting at once, one gets the file. A stale lock (its
  // process is gone) is removed and the creation tried once more.
  let created = false;
  for (let attempt = 0; attempt < 2 && !created; attempt += 1) {
    try {
      writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: "wx" });
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = lockHolder(dataDirectory);
      if (holder) throw new DataDirectoryBusyError(refusal(holder), holder);
      rmSync(file, { force: true });
    }
  }
  if (!created)
    throw new Error(`${file}: could not be created (another process keeps re-creating it)`);
  const write = () => writeFileSync(file, `${JSON.stringify(mine)}\n`);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    // Only our own lock: a process that took over a lock we left stale keeps its own.
    if (lockOwner(file) === process.pid) rmSync(file, { force: true });
  };
  process.on("exit", release);
  return {
    file,
    setEndpoint(endpoint) {
      mine.endpoint = endpoint;
      write();
    },
    release,
  };
}

function lockOwner(file: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as LockHolder).pid;
  } catch {
    return undefined;
  }
}
