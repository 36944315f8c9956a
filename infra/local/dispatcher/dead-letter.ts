/**
 * The local parked queues: one JSON file per message that used up its deliveries, in
 * `<data>/dead-letter/<stage>/`, so it can be read with any editor and re-queued with `redrive`. A message
 * lands here once the dead-letter consumer has recorded its failure (`recorded` says what it did), or as it
 * is when the consumer itself could not handle it (as SQS moves it from the DLQ to its parked queue).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../../shared/errors";
import type { ParkedMessage, ParkedQueue } from "../../../shared/pipeline/ports";
import type { StageName } from "../../../shared/pipeline/routing";

export interface DeadLetter {
  stage: StageName;
  messageId: string;
  body: string;
  receiveCount: number;
  sentAt: string;
  deadLetteredAt: string;
  /** Why the last delivery failed, as far as the runner knows it. */
  lastError: string;
  /** What the dead-letter consumer recorded for it ("<articleId>: recorded", "stale", …), once it ran. */
  recorded?: string;
}

export class MalformedDeadLetterError extends InputError {
  override readonly name = "MalformedDeadLetterError";
}

/** Where a queue puts a message after its last failed delivery. */
export interface DeadLetterSink {
  write(letter: DeadLetter): void;
}

export class DeadLetterFolder implements ParkedQueue, DeadLetterSink {
  /** The last error of each message handed to the consumer, kept for its file when it is parked. */
  private readonly lastErrors = new Map<string, string>();

  constructor(readonly directory: string) {}

  /** A dead message goes to the consumer first: its last error waits here for `park`. */
  rememberLastError(letter: Pick<DeadLetter, "messageId" | "lastError">): void {
    this.lastErrors.set(letter.messageId, letter.lastError);
  }

  /** The ParkedQueue port of the dead-letter consumer, on this folder. */
  async park(message: ParkedMessage): Promise<void> {
    this.write({
      stage: message.stage,
      messageId: message.messageId,
      body: message.body,
      receiveCount: message.receiveCount,
      sentAt: message.sentAt.toISOString(),
      deadLetteredAt: new Date().toISOString(),
      lastError: this.lastErrors.get(message.messageId) ?? "unknown",
      recorded: message.note,
    });
    this.lastErrors.delete(message.messageId);
  }

  folderOf(stage: StageName): string {
    return join(this.directory, stage);
  }

  /** Synchronous so a message is never both gone from the queue and not yet on disk. */
  write(letter: DeadLetter): string {
    const folder = this.folderOf(letter.stage);
    mkdirSync(folder, { recursive: true });
    const stamp = letter.deadLetteredAt.replace(/[:.]/g, "-");
    const file = join(folder, `${stamp}-${letter.messageId}.json`);
    writeFileSync(file, `${JSON.stringify(letter, null, 2)}\n`);
    return file;
  }

  /** Every dead letter of the stage (or of all stages), oldest first. */
  list(stage?: StageName): { file: string; letter: DeadLetter }[] {
    const stages: StageName[] = stage ? [stage] : ["normalize", "summarize", "translate"];
    const found: { file: string; letter: DeadLetter }[] = [];
    for (const name of stages) {
      let files: string[];
      try {
        files = readdirSync(this.folderOf(name)).filter((f) => f.endsWith(".json"));
      } catch {
        continue;
      }
      for (const f of files.sort()) {
        const file = join(this.folderOf(name), f);
        found.push({ file, letter: readLetter(file, name) });
      }
    }
    return found;
  }

  remove(file: string): void {
    rmSync(file, { force: true });
  }
}

function readLetter(file: string, stage: StageName): DeadLetter {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new MalformedDeadLetterError("not JSON; fix or delete it", file);
  }
  const letter = parsed as Partial<DeadLetter>;
  if (typeof letter?.body !== "string" || typeof letter.messageId !== "string") {
    throw new MalformedDeadLetterError('a dead letter needs "messageId" and "body" strings', file);
  }
  return { ...(letter as DeadLetter), stage };
}
