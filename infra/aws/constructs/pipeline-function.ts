import { Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import {
  Architecture,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import type { FunctionName } from "../../../shared/pipeline/dead-letter-routes";
import { METRICS_NAMESPACE, SERVICE_NAME } from "../../../shared/pipeline/service";
import { LAMBDA_NODE_OPTIONS, lambdaCode } from "../bundling";
import { acknowledgeWildcardResource } from "./nag";

export interface PipelineFunctionProps {
  name: FunctionName;
  memoryMb: number;
  timeoutSeconds: number;
  environment: Record<string, string>;
}

export interface PipelineFunction {
  function: LambdaFunction;
  role: Role;
  /** Adds one explicit statement to the function's role. */
  allow(actions: string[], resources: string[]): void;
}

/**
 * One of the pipeline's functions (a stage, or the dead-letter consumer), built the same way: Node 22, arm64,
 * its package built by infra/aws/bundling.ts, JSON logs to its own log group, active tracing, and its own
 * role that starts with nothing but writing to that log group (callers add explicit statements with `allow`).
 */
export function pipelineFunction(scope: Construct, props: PipelineFunctionProps): PipelineFunction {
  const logGroup = new LogGroup(scope, "Logs", {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  // An explicit role instead of AWSLambdaBasicExecutionRole: logging only to this function's log group.
  const role = new Role(scope, "Role", {
    assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
    description: `article-pipeline ${props.name} function`,
  });
  const allow = (actions: string[], resources: string[]) =>
    role.addToPolicy(new PolicyStatement({ actions, resources }));
  allow(["logs:CreateLogStream", "logs:PutLogEvents"], [logGroup.logGroupArn]);

  const fn = new LambdaFunction(scope, "Function", {
    code: lambdaCode(props.name),
    handler: "index.handler",
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memoryMb,
    timeout: Duration.seconds(props.timeoutSeconds),
    role,
    logGroup,
    loggingFormat: LoggingFormat.JSON,
    tracing: Tracing.ACTIVE,
    environment: {
      ...props.environment,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
    },
  });
  acknowledgeWildcardResource(
    role,
    logGroup.logGroupArn,
    "Log streams are created at run time inside this function's own log group.",
  );
  Validations.of(role).acknowledge({
    id: "AwsSolutions-IAM5[Resource::*]",
    reason:
      "X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions.",
  });
  Validations.of(fn).acknowledge({
    id: "AwsSolutions-L1",
    reason:
      "Pinned to Node.js 22, the runtime the project targets and tests (package.json engines).",
  });
  return { function: fn, role, allow: (actions, resources) => void allow(actions, resources) };
}
