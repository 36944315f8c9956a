/**
 * `npm run backfill -- --bucket B [--prefix incoming/] [--since DATE] [--dry-run] [--local …]`: runs objects
 * already stored in the ingest bucket through the pipeline, by sending each one's S3 notification onto the
 * normalize queue (on AWS, or on the local stack with --local). Objects whose results exist for their stored
 * version are skipped, so a re-run does only what is left.
 */
import { InputError } from "../../shared/errors";
import { backfillOnAws } from "./aws";
import type { Io } from "./io";
import { backfillLocally } from "./local";
import { parseBackfillOptions, USAGE } from "./options";

async function main(argv: string[], io: Io): Promise<number> {
  const options = parseBackfillOptions(argv);
  if (!options) {
    io.out(USAGE);
    return 0;
  }
  if (options.local) return backfillLocally(options.request, options.local, io);
  if (!options.aws) throw new Error("neither local nor AWS options");
  return backfillOnAws({ request: options.request, aws: options.aws }, io);
}

const io: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Bad flags, a busy data directory or a missing stack output (InputError) exit 2, like a usage error.
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof InputError ? 2 : 1;
  },
);
