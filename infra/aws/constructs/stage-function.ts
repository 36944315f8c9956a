import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Architecture, LoggingFormat, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { SQS_MAX_MESSAGE_BYTES } from "../../../shared/limits";
import { routeOf, type StageName } from "../../../shared/pipeline/routing";
import {
  BUNDLE_ALIASES,
  BUNDLE_BANNER,
  BUNDLE_CHARSET,
  BUNDLE_EXTERNALS,
  BUNDLE_KEEP_NAMES,
  BUNDLE_TARGET,
} from "../bundling";
import { lazyModulesCommands } from "../lazy-modules";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface StageFunctionProps {
  stage: StageName;
  environment: Record<string, string>;
  memorySize: number;
  /** At most this many concurrent invocations from the queue (protects downstream quotas). */
  maxConcurrency?: number;
}

/**
 * One pipeline stage: its queue and dead-letter queue (retry policy from the routing table), an alarm on
 * the DLQ depth, and its Lambda (Node 22, arm64, bundled and minified ESM) with its own role and log group.
 * The role starts empty: callers add explicit statements with `allow`.
 */
export class StageFunction extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly function: NodejsFunction;
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

    this.function = new NodejsFunction(this, "Function", {
      entry: path.join(PROJECT_ROOT, "functions", props.stage, "handler.ts"),
      handler: "handler",
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, "package-lock.json"),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: Duration.seconds(policy.timeoutSeconds),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: "article-pipeline",
        POWERTOOLS_METRICS_NAMESPACE: "ArticlePipeline",
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        keepNames: BUNDLE_KEEP_NAMES,
        target: BUNDLE_TARGET,
        mainFields: ["module", "main"],
        banner: BUNDLE_BANNER,
        externalModules: [...BUNDLE_EXTERNALS],
        sourceMap: false,
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The stage's lazy/ files, next to the index.mjs esbuild just wrote (infra/aws/lazy-modules.ts).
          afterBundling: (_inputDir, outputDir) => lazyModulesCommands(props.stage, outputDir),
        },
        esbuildArgs: {
          // Not the `charset` prop: aws-cdk-lib 2.276 declares it but never passes it to esbuild.
          "--charset": BUNDLE_CHARSET,
          ...Object.fromEntries(
            Object.entries(BUNDLE_ALIASES).map(([from, to]) => [
              `--alias:${from}`,
              path.join(PROJECT_ROOT, to),
            ]),
          ),
        },
      },
    });
    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: policy.batchSize,
        reportBatchItemFailures: true,
        ...(props.maxConcurrency ? { maxConcurrency: props.maxConcurrency } : {}),
      }),
    );
  }

  /** Adds one explicit statement to this function's role. */
  allow(actions: string[], resources: string[]): void {
    this.role.addToPolicy(new PolicyStatement({ actions, resources }));
  }
}
