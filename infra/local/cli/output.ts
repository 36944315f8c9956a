/**
 * stdout for the CLI's results. A consumer that stops reading early (`| head -1`) closes the pipe: later writes
 * are dropped instead of crashing the run with an unhandled EPIPE, so the run still finishes and copies its
 * outputs to --out. JSON lines go out with the terminal's progress bar lifted, never glued to it.
 */
import type { ProgressBar } from "./progress";

export class ResultOutput {
  private closed = false;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      this.closed = true;
    });
  }

  /** True once the reader has gone away. */
  get readerGone(): boolean {
    return this.closed;
  }

  write(text: string): void {
    if (!this.closed) this.stream.write(text);
  }

  /** One line while a progress bar may be showing on the same terminal: the bar is erased, then redrawn. */
  line(text: string, progress?: ProgressBar): void {
    progress?.clear();
    this.write(`${text}\n`);
    progress?.redraw();
  }
}
