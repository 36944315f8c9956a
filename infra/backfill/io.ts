/** Where a backfill writes: result lines on stdout, errors on stderr, progress on a terminal only. */
import { ProgressBar } from "../local/cli/progress";
import type { PlanInput } from "./plan";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The progress bar's stream (drawn only when it is a terminal); none in tests. */
  progress?: NodeJS.WriteStream;
}

/** The planning phase's progress: objects listed so far, then result checks done out of those to check. */
export function planProgress(io: Io): Pick<PlanInput, "onListed" | "onChecked"> {
  const stream = io.progress;
  let bar: ProgressBar | undefined;
  return {
    onListed: (count) => {
      if (stream?.isTTY) stream.write(`\r\x1b[2Klisting: ${count.toLocaleString("en-US")} objects`);
    },
    onChecked: (done, total) => {
      if (!bar) {
        if (stream?.isTTY) stream.write("\r\x1b[2K");
        bar = new ProgressBar(total, stream, "checked for results");
      }
      bar.tick(true);
      if (done === total) bar.clear();
    },
  };
}
