/**
 * Where a backfill on AWS sends and what it reads: the normalize queue and the results bucket, from the
 * deployed stack's outputs (CloudFormation DescribeStacks), unless both are given on the command line.
 */
import {
  type CloudFormationClient,
  DescribeStacksCommand,
  type DescribeStacksCommandOutput,
} from "@aws-sdk/client-cloudformation";
import { STACK_OUTPUTS } from "../aws/stack-outputs";
import { UsageError } from "../local/cli/options";

export interface AwsTarget {
  queueUrl: string;
  resultsBucket: string;
  /** The stack's ingest bucket, when read from the stack (to check --bucket against). */
  ingestBucket?: string;
  /** Where the values came from, for the run's first line. */
  from: string;
}

export interface TargetRequest {
  stackName: string;
  queueUrl?: string;
  resultsBucket?: string;
}

export async function resolveAwsTarget(
  request: TargetRequest,
  cloudFormation: () => CloudFormationClient,
): Promise<AwsTarget> {
  if (request.queueUrl && request.resultsBucket) {
    return {
      queueUrl: request.queueUrl,
      resultsBucket: request.resultsBucket,
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
    from: `stack ${request.stackName}`,
  };
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
      o.OutputKey && o.OutputValue ? [[o.OutputKey, o.OutputValue] as const] : [],
    ),
  );
}
