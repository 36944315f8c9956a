/**
 * The whole pipeline in one stack: ingest and results buckets, one queue-fed Lambda per stage, the S3
 * notifications of the routing table, and least-privilege roles written statement by statement (no
 * `grant*` helpers: they emit wildcard actions such as s3:GetObject*).
 */
import { CfnOutput, Duration, Stack, type StackProps, Validations } from "aws-cdk-lib";
import { EventType, type IBucket } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { INCOMING_PREFIX, RESULTS_PREFIX } from "../../shared/contract/keys";
import {
  configToEnv,
  DEFAULT_LOG_LEVEL,
  ENV,
  type LogLevelName,
} from "../../shared/pipeline/config";
import { type BucketRole, ROUTES, type StageName } from "../../shared/pipeline/routing";
import { AlarmTopic } from "./constructs/alarm-topic";
import { DeadLetterConsumer } from "./constructs/dead-letter-consumer";
import { Operations } from "./constructs/operations";
import { AccountScopedQueueDestination } from "./constructs/queue-destination";
import { secureBucket } from "./constructs/secure-bucket";
import { StageFunction } from "./constructs/stage-function";
import { type OperationsSettings, operationsFromContext, type PipelineSettings } from "./settings";
import { STACK_OUTPUTS } from "./stack-outputs";

export interface PipelineStackProps extends StackProps {
  settings: PipelineSettings;
  /** Bus the "Article Processed" event goes to (default: the account's default bus). */
  eventBusName?: string;
  /** Subscribed to the alarm topic when given. */
  alarmEmail?: string;
  /** Alarm thresholds and ingest retention (default: every operations setting's default). */
  operations?: OperationsSettings;
  /** The functions' POWERTOOLS_LOG_LEVEL (default INFO). */
  logLevel?: LogLevelName;
}

export class PipelineStack extends Stack {
  readonly ingestBucket: IBucket;
  readonly resultsBucket: IBucket;
  readonly stages: Record<StageName, StageFunction>;
  readonly alarmTopic: AlarmTopic;
  readonly operations: Operations;
  readonly deadLetterConsumer: DeadLetterConsumer;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const eventBusName = props.eventBusName ?? "default";
    const operations = props.operations ?? operationsFromContext(() => undefined);

    const accessLogs = secureBucket(this, "AccessLogsBucket", {
      lifecycleRules: [{ id: "expire-access-logs", expiration: Duration.days(90) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This is the server access log bucket; logging its own access would recurse.",
    });
    // Versioned: the ingest bucket holds the only copy of each source, and an overwrite or delete is undone
    // from the previous version for as long as ingestNoncurrentVersionDays keeps it.
    const ingest = secureBucket(this, "IngestBucket", {
      accessLogs,
      logPrefix: "ingest/",
      versioned: true,
      lifecycleRules: [
        {
          id: "expire-replaced-sources",
          noncurrentVersionExpiration: Duration.days(operations.ingestNoncurrentDays),
        },
      ],
    });
    // A separate results bucket: outputs can never match the intake trigger, so no recursive loop.
    const results = secureBucket(this, "ResultsBucket", { accessLogs, logPrefix: "results/" });
    this.ingestBucket = ingest;
    this.resultsBucket = results;

    const environment = {
      ...configToEnv({ ...settings, resultsBucket: results.bucketName }),
      [ENV.eventBusName]: eventBusName,
      [ENV.logLevel]: props.logLevel ?? DEFAULT_LOG_LEVEL,
    };
    // Memory, timeout, batch size and concurrency come from the routing table's stage resources.
    const stage = (name: StageName, extra: Record<string, string> = {}) =>
      new StageFunction(this, `${name[0]?.toUpperCase()}${name.slice(1)}`, {
        stage: name,
        environment: { ...environment, ...extra },
      });
    const translate = stage("translate");
    const summarize = stage("summarize", { [ENV.translateQueueUrl]: translate.queue.queueUrl });
    const normalize = stage("normalize");
    this.stages = { normalize, summarize, translate };

    // S3 → SQS notifications, exactly as the routing table says.
    const buckets: Record<BucketRole, IBucket> = { ingest, results };
    for (const route of ROUTES) {
      if (route.trigger.kind !== "object-created") continue;
      buckets[route.trigger.bucket].addEventNotification(
        EventType.OBJECT_CREATED,
        new AccountScopedQueueDestination(this.stages[route.stage].queue),
        {
          prefix: route.trigger.prefix,
          ...(route.trigger.suffix ? { suffix: route.trigger.suffix } : {}),
        },
      );
    }

    // Records the failure of every message whose deliveries all died, then parks it for redrive.
    const deadLetter = new DeadLetterConsumer(this, "DeadLetter", {
      stages: this.stages,
      environment,
    });
    this.deadLetterConsumer = deadLetter;

    const resultObjects = results.arnForObjects(`${RESULTS_PREFIX}*`);
    const eventBusArn = this.formatArn({
      service: "events",
      resource: "event-bus",
      resourceName: eventBusName,
    });
    for (const fn of [normalize, summarize, translate, deadLetter]) {
      fn.allow(["s3:GetObject", "s3:PutObject"], [resultObjects]);
      // Without ListBucket, S3 answers 403 instead of 404 for a missing key, and every stage probes for
      // its outputs (the idempotency check). ListBucket reveals key names only, never contents.
      fn.allow(["s3:ListBucket"], [results.bucketArn]);
      // Every stage may be the one that writes the manifest (normalize: a bad input fails the article).
      fn.allow(["events:PutEvents"], [eventBusArn]);
    }
    // The consumer HEADs a dead normalize message's source: gone or replaced means nothing to record.
    for (const fn of [normalize, deadLetter]) {
      fn.allow(["s3:GetObject"], [ingest.arnForObjects(`${INCOMING_PREFIX}*`)]);
      fn.allow(["s3:ListBucket"], [ingest.bucketArn]);
    }
    summarize.allow(["sqs:SendMessage"], [translate.queue.queueArn]);
    // TranslateText is the one Translate action called, terminologies included (GetTerminology downloads a
    // terminology's file, which the stage never does). With SourceLanguageCode "auto" (an article the
    // normalizer marked "und"), Translate calls Comprehend's DetectDominantLanguage as the caller.
    translate.allow(["translate:TranslateText", "comprehend:DetectDominantLanguage"], ["*"]);

    const alarms = new AlarmTopic(
      this,
      "Alarms",
      props.alarmEmail ? { email: props.alarmEmail } : {},
    );
    for (const fn of Object.values(this.stages)) alarms.notifyOn(fn.dlqAlarm);
    this.alarmTopic = alarms;
    this.operations = new Operations(this, "Operations", {
      stages: this.stages,
      alarms,
      settings: operations,
    });

    this.acknowledgeFindings();

    new CfnOutput(this, "IngestBucketName", {
      value: ingest.bucketName,
      description: `Drop articles under s3://<this bucket>/${INCOMING_PREFIX}`,
    });
    new CfnOutput(this, "ResultsBucketName", {
      value: results.bucketName,
      description: `Outputs under ${RESULTS_PREFIX}<articleId>/ (manifest.json last)`,
    });
    new CfnOutput(this, "AlarmTopicArn", {
      value: alarms.topic.topicArn,
      description: "Every alarm (ALARM and OK) is published here: subscribe to be told",
    });
    new CfnOutput(this, STACK_OUTPUTS.normalizeQueueUrl, {
      value: normalize.queue.queueUrl,
      description: "normalize queue: where `npm run backfill` sends stored objects' notifications",
    });
    for (const [name, fn] of Object.entries(this.stages)) {
      new CfnOutput(this, `${fn.node.id}DeadLetterQueueUrl`, {
        value: fn.deadLetterQueue.queueUrl,
        description: `${name} dead-letter queue, emptied by the dead-letter consumer into the parked queue`,
      });
      new CfnOutput(this, `${fn.node.id}ParkedQueueArn`, {
        value: fn.parkedQueue.queueArn,
        description: `${name} parked messages (alarm: ${name} DeadLetterAlarm); redrive with aws sqs start-message-move-task --source-arn <this> --destination-arn <${fn.node.id}QueueArn>`,
      });
      new CfnOutput(this, `${fn.node.id}QueueArn`, {
        value: fn.queue.queueArn,
        description: `${name} queue: the destination of a redrive of its parked messages`,
      });
    }
  }

  /** Every cdk-nag finding left standing, each with the reason it is acceptable. */
  private acknowledgeFindings(): void {
    const { normalize, summarize, translate } = this.stages;
    const deadLetter = this.deadLetterConsumer;
    for (const fn of [normalize, summarize, translate, deadLetter]) {
      const ack = (id: string, reason: string) =>
        Validations.of(fn.role).acknowledge({ id, reason });
      ack(
        "AwsSolutions-IAM5[Resource::*]",
        fn === translate
          ? "X-Ray PutTraceSegments/PutTelemetryRecords, translate:TranslateText and comprehend:DetectDominantLanguage (called by Translate for SourceLanguageCode auto, on articles whose language the normalizer could not tell) support no resource-level permissions."
          : "X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions.",
      );
      ack(
        `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.resultsBucket.node.defaultChild as never)}.Arn>/results/*]`,
        "Stages read and write any article's outputs, scoped to the results/ prefix of the results bucket.",
      );
      ack(
        `AwsSolutions-IAM5[Resource::<${this.getLogicalId(fn.node.findChild("Logs").node.defaultChild as never)}.Arn>:*]`,
        "Log streams are created at run time inside this function's own log group.",
      );
      Validations.of(fn.function).acknowledge({
        id: "AwsSolutions-L1",
        reason:
          "Pinned to Node.js 22, the runtime the project targets and tests (package.json engines).",
      });
    }
    // CDK's own singleton that configures bucket notifications at deploy time (a custom resource).
    const notificationsHandler = this.node.children.find((c) =>
      c.node.id.startsWith("BucketNotificationsHandler"),
    );
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        reason:
          "CDK's BucketNotificationsHandler custom resource (runs only at deploy time) ships with the basic execution managed policy; its role is not configurable.",
      });
    }
    for (const fn of [normalize, deadLetter]) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.ingestBucket.node.defaultChild as never)}.Arn>/incoming/*]`,
        reason:
          "Normalize reads any uploaded article (the dead-letter consumer HEADs it), scoped to the incoming/ prefix of the ingest bucket.",
      });
    }
  }
}
