import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import {
  Architecture,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { SQS_MAX_MESSAGE_BYTES } from "../../../shared/limits";
import { routeOf, type StageName } from "../../../shared/pipeline/routing";
import { LAMBDA_NODE_OPTIONS, lambdaCode } from "../bundling";

export interface StageFunctionProps {
  stage: StageName;
  environment: Record<string, string>;
}

/**
 * One pipeline stage: its queue and dead-letter queue, memory, timeout, batch size and concurrency cap, all
 * from the routing table's stage resources (shared/pipeline/resources.ts), an alarm on the DLQ depth, and
 * its Lambda (Node 22, arm64, its package built by infra/aws/bundling.ts) with its own role and log group.
 * The role starts empty: callers add explicit statements with `allow`.
 */
export class StageFunction extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly dlqAlarm: Alarm;

  constructor(scope: Construct, id: string, props: StageFunctionProps) {
    super(scope, id);
    const { queue: policy } = routeOf(props.stage);

    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, "Queue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(policy.visibilityTimeoutSeconds),
      maxMessageSizeBytes: SQS_MAX_MESSAGE_BYTES,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: policy.maxReceiveCount },
    });
    this.dlqAlarm = new Alarm(this, "DeadLetterAlarm", {
      alarmDescription: `${props.stage}: messages reached the dead-letter queue (inspect, fix, redrive)`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: "Maximum",
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const logGroup = new LogGroup(this, "Logs", {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole: logging only to this function's log group.
    this.role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `article-pipeline ${props.stage} function`,
    });
    this.allow(["logs:CreateLogStream", "logs:PutLogEvents"], [logGroup.logGroupArn]);

    this.function = new LambdaFunction(this, "Function", {
      code: lambdaCode(props.stage),
      handler: "index.handler",
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: policy.memoryMb,
      timeout: Duration.seconds(policy.timeoutSeconds),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: "article-pipeline",
        POWERTOOLS_METRICS_NAMESPACE: "ArticlePipeline",
        NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
      },
    });
    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: policy.batchSize,
        reportBatchItemFailures: true,
        maxConcurrency: policy.maxConcurrency,
      }),
    );
  }

  /** Adds one explicit statement to this function's role. */
  allow(actions: string[], resources: string[]): void {
    this.role.addToPolicy(new PolicyStatement({ actions, resources }));
  }
}
