/**
 * The command line of a bench script, read one way for all of them: node:util parseArgs, strict. A mistyped
 * option would otherwise be ignored, and minutes of measuring spent on what was not asked for; so an unknown
 * option, a missing value or a bad number prints the usage and exits 2, and --help prints it and exits 0.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What a bench prints before exiting 2: the problem, then its usage. */
export function refuse(usage: string, problem: string): never {
  console.error(`${problem}\nusage: ${usage}`);
  process.exit(2);
}

/**
 * The parsed options of `npm run bench:…` (process.argv after the script), per `options`; `usage` is the
 * command line as the README gives it.
 */
export function benchArgs<const O extends Options>(
  usage: string,
  options: O,
  argv = process.argv.slice(2),
) {
  if (argv.includes("--help")) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return refuse(usage, (error as Error).message);
  }
}

/** A string option's value as a positive integer (`fallback` when absent); else the usage, exit 2. */
export function positiveInteger(
  usage: string,
  name: string,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  // Digits only: Number() would also take "1e3", " 7" and "0x10".
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    refuse(usage, `--${name} takes a positive integer, got "${value}"`);
  }
  return Number(value);
}
