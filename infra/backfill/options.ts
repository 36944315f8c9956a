/** `npm run backfill` flags, parsed and checked once. */
import { incomingPrefixProblem } from "../aws/incoming-prefix";
import { DEFAULT_STACK_NAME } from "../aws/stack-outputs";
import {
  COMMON_FLAGS,
  type CommonOptions,
  commonOptions,
  parseCommandLine,
  UsageError,
} from "../local/cli/options";
import { listingPrefix, normalizePrefix } from "./sources";

export const USAGE = `usage: npm run backfill -- --bucket <ingest bucket> [--prefix incoming/] [--since 2024-01-31] [--dry-run] [--include-archived]
         AWS:   [--stack-name ${DEFAULT_STACK_NAME}] [--queue-url URL] [--results-bucket NAME] [--incoming-prefix incoming/] [--region R] [--to es,fr]
         local: --local [--data-dir .local] [--to es,fr] [--translator apertium|aws|none] [--sentences 3] [--verbose]`;

export const BACKFILL_FLAGS = {
  ...COMMON_FLAGS,
  bucket: { type: "string" },
  prefix: { type: "string" },
  since: { type: "string" },
  "dry-run": { type: "boolean" },
  "include-archived": { type: "boolean" },
  local: { type: "boolean" },
  "stack-name": { type: "string" },
  "queue-url": { type: "string" },
  "results-bucket": { type: "string" },
  "incoming-prefix": { type: "string" },
  region: { type: "string" },
} as const;

/** What to backfill, wherever it runs. */
export interface BackfillRequest {
  bucket: string;
  /** --prefix; absent, the ingest prefix (on AWS known once the stack's outputs are read). */
  prefix?: string;
  since?: Date;
  dryRun: boolean;
  /** Announce objects in archive storage classes too (restored by the user). */
  includeArchived?: boolean;
}

export interface BackfillOptions {
  request: BackfillRequest;
  /** Local mode: the data directory, languages and translator, as `npm start` takes them. */
  local?: CommonOptions;
  aws?: {
    stackName: string;
    queueUrl?: string;
    resultsBucket?: string;
    /** --incoming-prefix: the ingest prefix of a pipeline not read from a stack's outputs. */
    incomingPrefix?: string;
    region?: string;
    /** --to when given; otherwise the deployment's list (cdk.json) is used for the estimate. */
    targetLanguages?: string[];
  };
}

const LOCAL_ONLY = ["data-dir", "translator", "sentences"] as const;
const AWS_ONLY = [
  "stack-name",
  "queue-url",
  "results-bucket",
  "incoming-prefix",
  "region",
] as const;

function parseSince(value: string): Date {
  const since = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(since.getTime())) {
    throw new UsageError(
      `--since must be a date like 2024-01-31 or 2024-01-31T12:00:00Z, got "${value}"`,
    );
  }
  return since;
}

/** Undefined for --help. */
export function parseBackfillOptions(argv: string[]): BackfillOptions | undefined {
  const { values, positionals } = parseCommandLine(argv, BACKFILL_FLAGS);
  if (values.help) return undefined;
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const bucket = values.bucket as string | undefined;
  if (!bucket)
    throw new UsageError("--bucket is required (the ingest bucket holding the articles)");
  const prefix = values.prefix as string | undefined;
  const since = values.since as string | undefined;
  const request: BackfillRequest = {
    bucket,
    ...(prefix !== undefined ? { prefix } : {}),
    ...(since !== undefined ? { since: parseSince(since) } : {}),
    dryRun: values["dry-run"] === true,
    ...(values["include-archived"] === true ? { includeArchived: true } : {}),
  };
  const isLocal = values.local === true;
  const misplaced = (isLocal ? AWS_ONLY : LOCAL_ONLY).find((flag) => values[flag] !== undefined);
  if (misplaced) {
    throw new UsageError(`--${misplaced} is ${isLocal ? "for AWS, not with" : "only for"} --local`);
  }
  const common = commonOptions(values);
  if (isLocal) {
    // The local stack always starts normalize under the routing table's prefix.
    listingPrefix(prefix, { prefix: normalizePrefix(), from: "the local stack's ingest prefix" });
    return { request, local: common };
  }
  const text = (flag: (typeof AWS_ONLY)[number]) => values[flag] as string | undefined;
  const queueUrl = text("queue-url");
  const resultsBucket = text("results-bucket");
  const incomingPrefix = text("incoming-prefix");
  const region = text("region");
  if (incomingPrefix !== undefined) {
    const problem = incomingPrefixProblem(incomingPrefix);
    if (problem) throw new UsageError(`--incoming-prefix ${problem}`);
    // A stack's IncomingPrefix output, when there is one, must agree (checked once it is read).
    listingPrefix(prefix, { prefix: incomingPrefix, from: "--incoming-prefix" });
  }
  return {
    request,
    aws: {
      stackName: text("stack-name") ?? DEFAULT_STACK_NAME,
      ...(queueUrl ? { queueUrl } : {}),
      ...(resultsBucket ? { resultsBucket } : {}),
      ...(incomingPrefix !== undefined ? { incomingPrefix } : {}),
      ...(region ? { region } : {}),
      ...(common.targetsGiven ? { targetLanguages: common.targetLanguages } : {}),
    },
  };
}
