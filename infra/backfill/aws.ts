/**
 * A backfill on AWS: resolve the normalize queue, the results bucket and the ingest prefix (stack outputs),
 * plan (list, filter, skip what already has results), then send each object's notification onto the normalize queue. The
 * deployed pipeline does the rest; this command ends once everything is sent.
 */
import { readFileSync } from "node:fs";
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import { targetLanguagesFromContext } from "../aws/settings";
import { UsageError } from "../local/cli/options";
import { ProgressBar } from "../local/cli/progress";
import { resolveAwsTarget } from "./aws-target";
import { estimateTranslation } from "./estimate";
import { type Io, planProgress } from "./io";
import { backfillMessage } from "./messages";
import type { BackfillOptions } from "./options";
import { planBackfill } from "./plan";
import { formatNothingToSend, formatPlan, formatTranslateEstimate } from "./report";
import { listingPrefix } from "./sources";
import { SqsSender, type SqsSenderOptions } from "./sqs-sender";

/** The target languages the deployment from this checkout uses (cdk.json, else the default), for the estimate. */
function deployedLanguages(): { languages: string[]; from: string } {
  // Two folders up from infra/backfill/ and from the built dist/cli/: the project root.
  const path = new URL("../../cdk.json", import.meta.url);
  try {
    const context = (
      JSON.parse(readFileSync(path, "utf8")) as { context?: Record<string, unknown> }
    ).context;
    return {
      languages: targetLanguagesFromContext((key) => context?.[key]),
      from: "cdk.json; --to to change",
    };
  } catch {
    return { languages: [], from: "cdk.json not readable; pass --to" };
  }
}

export async function backfillOnAws(
  options: Required<Pick<BackfillOptions, "request" | "aws">>,
  io: Io,
  senderOptions: SqsSenderOptions = {},
): Promise<number> {
  const { request, aws } = options;
  const clientConfig = aws.region ? { region: aws.region } : {};
  const target = await resolveAwsTarget(aws, () => new CloudFormationClient(clientConfig));
  if (target.ingestBucket && target.ingestBucket !== request.bucket) {
    throw new UsageError(
      `--bucket ${request.bucket} is not the ingest bucket of ${target.from} (${target.ingestBucket}): its normalize function reads only that one`,
    );
  }
  const prefix = listingPrefix(request.prefix, target.ingest);
  const s3 = new S3Client(clientConfig);
  const sqs = new SQSClient(clientConfig);
  try {
    const store = new S3ObjectStore(s3);
    const plan = await planBackfill({
      client: s3,
      store,
      resultsBucket: target.resultsBucket,
      bucket: request.bucket,
      prefix,
      ingestPrefix: target.ingest.prefix,
      ...(request.since ? { since: request.since } : {}),
      ...(request.includeArchived ? { includeArchived: true } : {}),
      ...planProgress(io),
    });
    io.out(formatPlan(plan, `s3://${request.bucket}/${prefix}`));
    if (plan.toSend.length === 0) io.out(formatNothingToSend(plan));
    if (request.dryRun) {
      const { languages, from } = aws.targetLanguages
        ? { languages: aws.targetLanguages, from: "--to" }
        : deployedLanguages();
      const estimate = await estimateTranslation(plan.toSend, store, request.bucket, languages);
      io.out(formatTranslateEstimate(estimate, from));
      io.out("dry run: nothing sent");
    }
    if (request.dryRun || plan.toSend.length === 0) return 0;
    const region = await s3.config.region();
    const sender = new SqsSender(sqs, target.queueUrl, senderOptions);
    const bar = new ProgressBar(plan.toSend.length, io.progress, "sent");
    const failures = await sender.send(
      plan.toSend.map((source) => backfillMessage(request.bucket, source, region)),
      () => bar.tick(true),
    );
    bar.clear();
    const sent = plan.toSend.length - failures.length;
    io.out(
      `sent ${sent.toLocaleString("en-US")} notification(s) to ${target.queueUrl} (${target.from}); the pipeline processes them from there`,
    );
    if (failures.length > 0) {
      io.err(
        `error: ${failures.length} not sent (run again to send them): ${failures
          .slice(0, 10)
          .map((f) => `${f.label} (${f.reason})`)
          .join(", ")}${failures.length > 10 ? ", …" : ""}`,
      );
      return 1;
    }
    return 0;
  } finally {
    s3.destroy();
    sqs.destroy();
  }
}
