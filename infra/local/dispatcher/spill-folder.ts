/**
 * Where a local queue keeps messages it does not hold in memory: one numbered JSON file each, read back in
 * order. Messages past the in-memory bound wait here, and so does everything queued at close, so a queue
 * opened on the same folder picks them up: like SQS, a restart loses nothing queued.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { QueueMessage } from "./messages";

export class SpillFolder {
  private head = 0;
  private tail = 0;

  constructor(private readonly directory: string) {
    let sequences: number[];
    try {
      sequences = readdirSync(directory)
        .filter((f) => /^\d{12}\.json$/.test(f))
        .map((f) => Number(f.slice(0, 12)));
    } catch {
      return;
    }
    if (sequences.length === 0) return;
    this.head = Math.min(...sequences);
    this.tail = Math.max(...sequences) + 1;
  }

  get size(): number {
    return this.tail - this.head;
  }

  /** Synchronous, so a message is never both gone from memory and not yet on disk. */
  push(message: QueueMessage): void {
    mkdirSync(this.directory, { recursive: true });
    writeFileSync(this.file(this.tail), JSON.stringify(message));
    this.tail += 1;
  }

  /** The oldest spilled message, removed from the folder. */
  shift(): QueueMessage | undefined {
    if (this.size === 0) return undefined;
    const file = this.file(this.head);
    const message = JSON.parse(readFileSync(file, "utf8")) as QueueMessage;
    rmSync(file, { force: true });
    this.head += 1;
    return message;
  }

  private file(sequence: number): string {
    return join(this.directory, `${String(sequence).padStart(12, "0")}.json`);
  }
}
