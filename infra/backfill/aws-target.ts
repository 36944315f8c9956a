/**
 * Where a backfill on AWS sends and what it reads: the normalize queue, the results bucket and the ingest
 * prefix, from the deployed stack's outputs (CloudFormation DescribeStacks), unless the queue and the bucket
 * are both given on the command line (the prefix then comes from --incoming-prefix, else the routing table's).
 */
import {
  type CloudFormationClient,
  DescribeStacksCommand,
  type DescribeStacksCommandOutput,
} from "@aws-sdk/client-cloudformation";
import { STACK_OUTPUTS } from "../aws/stack-outputs";
import { UsageError } from "../local/cli/options";
import { type IngestPrefix, normalizePrefix } from "./sources";

export interface AwsTarget {
  queueUrl: string;
  resultsBucket: string;
  /** The stack's ingest bucket, when read from the stack (to check --bucket against). */
  ingestBucket?: string;
  /** Keys under it start normalize: what is listed, and what --prefix is checked against. */
  ingest: IngestPrefix;
  /** Where the values came from, for the run's first line. */
  from: string;
}

export interface TargetRequest {
  stackName: string;
  queueUrl?: string;
  resultsBucket?: string;
  incomingPrefix?: string;
}

/** The routing table's prefix: the one a stack deployed before the IncomingPrefix output existed uses. */
function defaultIngest(why: string): IngestPrefix {
  return { prefix: normalizePrefix(), from: `the default ingest prefix; ${why}` };
}

export async function resolveAwsTarget(
  request: TargetRequest,
  cloudFormation: () => CloudFormationClient,
): Promise<AwsTarget> {
  if (request.queueUrl && request.resultsBucket) {
    return {
      queueUrl: request.queueUrl,
      resultsBucket: request.resultsBucket,
      ingest:
        request.incomingPrefix !== undefined
          ? { prefix: request.incomingPrefix, from: "--incoming-prefix" }
          : defaultIngest("--incoming-prefix to change"),
      from: "--queue-url and --results-bucket",
    };
  }
  const client = cloudFormation();
  const outputs = await stackOutputs(client, request.stackName).finally(() => client.destroy());
  const output = (name: string, flag: string): string => {
    const value = outputs.get(name);
    if (!value) {
      throw new UsageError(
        `stack ${request.stackName} has no output ${name} (deployed before it existed?): deploy the current stack, or pass ${flag}`,
      );
    }
    return value;
  };
  const ingestBucket = outputs.get(STACK_OUTPUTS.ingestBucket);
  return {
    queueUrl: request.queueUrl ?? output(STACK_OUTPUTS.normalizeQueueUrl, "--queue-url"),
    resultsBucket: request.resultsBucket ?? output(STACK_OUTPUTS.resultsBucket, "--results-bucket"),
    ...(ingestBucket ? { ingestBucket } : {}),
    ingest: stackIngestPrefix(request, outputs.get(STACK_OUTPUTS.incomingPrefix)),
    from: `stack ${request.stackName}`,
  };
}

/**
 * The stack's IncomingPrefix output; --incoming-prefix may only repeat it (the stack's normalize function can
 * read nothing outside it). A stack without the output gets the flag's value, else the routing table's.
 */
function stackIngestPrefix(request: TargetRequest, output: string | undefined): IngestPrefix {
  const { stackName, incomingPrefix } = request;
  const name = STACK_OUTPUTS.incomingPrefix;
  if (output === undefined) {
    return incomingPrefix !== undefined
      ? { prefix: incomingPrefix, from: "--incoming-prefix" }
      : defaultIngest(`stack ${stackName} has no ${name} output: pass --incoming-prefix`);
  }
  if (incomingPrefix !== undefined && incomingPrefix !== output) {
    throw new UsageError(
      `--incoming-prefix "${incomingPrefix}" is not the ingest prefix of stack ${stackName} ("${output}", its ${name} output): its normalize function reads only keys under that one`,
    );
  }
  return { prefix: output, from: `stack ${stackName}'s ${name} output` };
}

async function stackOutputs(
  client: CloudFormationClient,
  stackName: string,
): Promise<Map<string, string>> {
  let response: DescribeStacksCommandOutput;
  try {
    response = await client.send(new DescribeStacksCommand({ StackName: stackName }));
  } catch (error) {
    // CloudFormation answers ValidationError "Stack with id X does not exist" for an unknown name.
    const message = error instanceof Error ? error.message : String(error);
    if ((error as { name?: string }).name === "ValidationError") {
      throw new UsageError(
        `${message}: pass --stack-name (the deployed stack's name), or --queue-url and --results-bucket`,
      );
    }
    throw error;
  }
  return new Map(
    (response.Stacks?.[0]?.Outputs ?? []).flatMap((o) =>
      // An empty value is kept: an ingest prefix of "" is the whole bucket.
      o.OutputKey && o.OutputValue !== undefined ? [[o.OutputKey, o.OutputValue] as const] : [],
    ),
  );
}
