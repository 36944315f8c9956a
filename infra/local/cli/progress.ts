/** A one-line progress bar on a terminal (stderr), nothing elsewhere: logs and pipes stay clean. */
export class ProgressBar {
  private done = 0;
  private failed = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    /** What is counted, after the numbers. */
    private readonly unit = "articles",
  ) {
    this.enabled = stream.isTTY === true && total > 1;
    this.draw();
  }

  tick(ok: boolean): void {
    this.done += 1;
    if (!ok) this.failed += 1;
    this.draw();
  }

  /** Erases the bar so what follows starts on a clean line. */
  clear(): void {
    if (this.enabled) this.stream.write("\r\x1b[2K");
  }

  /** Draws the bar again after a line was printed where it stood. */
  redraw(): void {
    this.draw();
  }

  private draw(): void {
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const failed = this.failed > 0 ? `, ${this.failed} failed` : "";
    this.stream.write(`\r\x1b[2K${bar} ${this.done}/${this.total} ${this.unit}${failed}`);
  }
}
