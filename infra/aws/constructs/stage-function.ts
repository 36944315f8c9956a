import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { PolicyStatement, type Role } from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { SQS_MAX_MESSAGE_BYTES } from "../../../shared/limits";
import { DEAD_LETTER_CONSUMER } from "../../../shared/pipeline/dead-letter-routes";
import { routeOf, type StageName } from "../../../shared/pipeline/routing";
import { pipelineFunction } from "./pipeline-function";

export interface StageFunctionProps {
  stage: StageName;
  environment: Record<string, string>;
  /** The three queues are encrypted under this key (SSE-KMS) instead of SQS-managed keys. */
  encryptionKey?: IKey;
}

/**
 * One pipeline stage: its queue, dead-letter queue and parked queue, memory, timeout, batch size and
 * concurrency cap, all from the routing table's stage resources (shared/pipeline/resources.ts), an alarm on
 * the parked queue's depth, and its Lambda (./pipeline-function.ts) with its own role and log group. The role
 * starts empty: callers add explicit statements with `allow`.
 */
export class StageFunction extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  /** Where dead messages wait for redrive once the dead-letter consumer has recorded them. */
  readonly parkedQueue: Queue;
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly dlqAlarm: Alarm;

  constructor(scope: Construct, id: string, props: StageFunctionProps) {
    super(scope, id);
    const { queue: policy } = routeOf(props.stage);
    const encryption = props.encryptionKey
      ? { encryption: QueueEncryption.KMS, encryptionMasterKey: props.encryptionKey }
      : { encryption: QueueEncryption.SQS_MANAGED };

    // stage queue ─(maxReceiveCount)─► DLQ ─(the consumer records, then parks)─► parked queue. The parked
    // queue is also the DLQ's own DLQ, so what the consumer cannot handle is parked by SQS, unrecorded, and
    // SQS's DLQ redrive (StartMessageMoveTask) can move parked messages back to this stage's queue.
    this.parkedQueue = new Queue(this, "ParkedQueue", {
      ...encryption,
      enforceSSL: true,
      retentionPeriod: Duration.days(DEAD_LETTER_CONSUMER.parkedRetentionDays),
      maxMessageSizeBytes: SQS_MAX_MESSAGE_BYTES,
    });
    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      ...encryption,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      maxMessageSizeBytes: SQS_MAX_MESSAGE_BYTES,
      visibilityTimeout: Duration.seconds(DEAD_LETTER_CONSUMER.visibilityTimeoutSeconds),
      deadLetterQueue: {
        queue: this.parkedQueue,
        maxReceiveCount: DEAD_LETTER_CONSUMER.maxReceiveCount,
      },
    });
    this.queue = new Queue(this, "Queue", {
      ...encryption,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(policy.visibilityTimeoutSeconds),
      maxMessageSizeBytes: SQS_MAX_MESSAGE_BYTES,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: policy.maxReceiveCount },
    });
    // On the parked queue: every dead message ends there, recorded or not, and stays until redriven or
    // deleted (the DLQ itself is emptied by the consumer within seconds).
    this.dlqAlarm = new Alarm(this, "DeadLetterAlarm", {
      alarmDescription: `${props.stage}: messages used up their deliveries and are parked (failure recorded unless the consumer failed too; inspect, fix, redrive)`,
      metric: this.parkedQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: "Maximum",
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const built = pipelineFunction(this, {
      name: props.stage,
      memoryMb: policy.memoryMb,
      timeoutSeconds: policy.timeoutSeconds,
      environment: props.environment,
    });
    this.function = built.function;
    this.role = built.role;
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
