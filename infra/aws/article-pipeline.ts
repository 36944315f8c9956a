/**
 * The whole pipeline as one construct, for this repository's stack (./pipeline-stack.ts) and for anyone's own
 * CDK app (package export `article-pipeline/cdk`): ingest and results buckets (the user's or new ones), one
 * queue-fed Lambda per stage, the S3 notifications of the routing table, the dead-letter consumer, alarms and
 * dashboard, and least-privilege roles written statement by statement (no `grant*` helpers: they emit
 * wildcard actions such as s3:GetObject*).
 */
import { Stack, Token, Validations } from "aws-cdk-lib";
import { EventBus, type IEventBus } from "aws-cdk-lib/aws-events";
import type { IKey } from "aws-cdk-lib/aws-kms";
import { EventType, type IBucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { INCOMING_PREFIX, RESULTS_PREFIX } from "../../shared/contract/keys";
import {
  ConfigError,
  configToEnv,
  DEFAULT_LOG_LEVEL,
  ENV,
  type LogLevelName,
} from "../../shared/pipeline/config";
import { type BucketRole, ROUTES, type StageName } from "../../shared/pipeline/routing";
import { AlarmTopic } from "./constructs/alarm-topic";
import { DeadLetterConsumer } from "./constructs/dead-letter-consumer";
import { acknowledgeWildcardResource } from "./constructs/nag";
import { Operations } from "./constructs/operations";
import { pipelineBuckets } from "./constructs/pipeline-buckets";
import {
  checkedOperations,
  checkedSettings,
  pipelineSettings,
} from "./constructs/pipeline-settings";
import { AccountScopedQueueDestination } from "./constructs/queue-destination";
import { StageFunction } from "./constructs/stage-function";
import { incomingPrefixProblem } from "./incoming-prefix";
import type { OperationsSettings, PipelineSettings } from "./settings";

export type { PipelineSettingsInput, SettingValue } from "./constructs/pipeline-settings";
export { pipelineSettings } from "./constructs/pipeline-settings";
export type { OperationsSettings, PipelineSettings } from "./settings";
/** The output names `npm run backfill --stack-name` reads, for an app that gives its stack those outputs. */
export { STACK_OUTPUTS } from "./stack-outputs";

export interface ArticlePipelineProps {
  /** The bucket articles are dropped into (default: a new versioned, access-logged bucket). */
  ingestBucket?: IBucket;
  /** Where in the ingest bucket articles arrive (default "incoming/"); the stages read nothing outside it. */
  incomingPrefix?: string;
  /** The bucket outputs go to, under results/ (default: a new bucket). */
  resultsBucket?: IBucket;
  /** Where "Article Processed" events go (default: the account's default bus). */
  eventBus?: IEventBus;
  /** Target languages, summary length, Translate options, input size (default: `pipelineSettings()`). */
  settings?: PipelineSettings;
  /** Alarm thresholds and a new ingest bucket's retention of replaced sources (absent fields default). */
  operations?: Partial<OperationsSettings>;
  /** Subscribed to the alarm topic when given. */
  alarmEmail?: string;
  /** The functions' POWERTOOLS_LOG_LEVEL (default INFO). */
  logLevel?: LogLevelName;
  /** Encrypts the buckets and queues made here (SSE-KMS); the functions are granted its use. */
  encryptionKey?: IKey;
}

/**
 * Server access logs by bucket policy: the buckets disable ACLs, which the older log-delivery ACL needs. Set on
 * the construct itself (unless the app chose), so that every app using it gets it, this repository's included.
 */
const ACCESS_LOGS_BY_POLICY = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

export class ArticlePipeline extends Construct {
  readonly ingestBucket: IBucket;
  readonly incomingPrefix: string;
  readonly resultsBucket: IBucket;
  readonly eventBus: IEventBus;
  readonly stages: Record<StageName, StageFunction>;
  readonly deadLetterConsumer: DeadLetterConsumer;
  readonly alarmTopic: AlarmTopic;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: ArticlePipelineProps = {}) {
    super(scope, id);
    if (this.node.tryGetContext(ACCESS_LOGS_BY_POLICY) === undefined) {
      this.node.setContext(ACCESS_LOGS_BY_POLICY, true);
    }
    const settings = checkedSettings(props.settings ?? pipelineSettings());
    const operations = checkedOperations(props.operations);
    const incomingPrefix = checkedPrefix(props.incomingPrefix ?? INCOMING_PREFIX);
    const { encryptionKey } = props;
    if (props.ingestBucket && props.resultsBucket) {
      refuseLoop(props.ingestBucket, incomingPrefix, props.resultsBucket);
    }
    const { ingest, results } = pipelineBuckets(this, {
      ingestBucket: props.ingestBucket,
      resultsBucket: props.resultsBucket,
      encryptionKey,
      ingestNoncurrentDays: operations.ingestNoncurrentDays,
    });
    this.ingestBucket = ingest;
    this.incomingPrefix = incomingPrefix;
    this.resultsBucket = results;
    this.eventBus = props.eventBus ?? EventBus.fromEventBusName(this, "DefaultBus", "default");

    const environment = {
      ...configToEnv({ ...settings, resultsBucket: results.bucketName }),
      [ENV.eventBusName]: this.eventBus.eventBusName,
      [ENV.logLevel]: props.logLevel ?? DEFAULT_LOG_LEVEL,
    };
    // Memory, timeout, batch size and concurrency come from the routing table's stage resources.
    const stage = (name: StageName, extra: Record<string, string> = {}) =>
      new StageFunction(this, `${name[0]?.toUpperCase()}${name.slice(1)}`, {
        stage: name,
        environment: { ...environment, ...extra },
        encryptionKey,
      });
    const translate = stage("translate");
    const summarize = stage("summarize", { [ENV.translateQueueUrl]: translate.queue.queueUrl });
    const normalize = stage("normalize");
    this.stages = { normalize, summarize, translate };

    // S3 → SQS notifications, exactly as the routing table says, intake under the ingest prefix.
    const buckets: Record<BucketRole, IBucket> = { ingest, results };
    for (const route of ROUTES) {
      if (route.trigger.kind !== "object-created") continue;
      const { bucket, suffix } = route.trigger;
      const prefix = bucket === "ingest" ? incomingPrefix : route.trigger.prefix;
      const filter = { ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
      buckets[bucket].addEventNotification(
        EventType.OBJECT_CREATED,
        new AccountScopedQueueDestination(this.stages[route.stage].queue),
        // No filter at all for an empty prefix (the whole bucket): CDK refuses an empty one.
        ...(prefix || suffix ? [filter] : []),
      );
    }

    // Records the failure of every message whose deliveries all died, then parks it for redrive.
    const deadLetter = new DeadLetterConsumer(this, "DeadLetter", {
      stages: this.stages,
      environment,
    });
    this.deadLetterConsumer = deadLetter;

    const resultObjects = results.arnForObjects(`${RESULTS_PREFIX}*`);
    const incomingObjects = ingest.arnForObjects(`${incomingPrefix}*`);
    for (const fn of [normalize, summarize, translate, deadLetter]) {
      fn.allow(["s3:GetObject", "s3:PutObject"], [resultObjects]);
      acknowledgeWildcardResource(
        fn.role,
        resultObjects,
        `Stages read and write any article's outputs, scoped to the ${RESULTS_PREFIX} prefix of the results bucket.`,
      );
      // Without ListBucket, S3 answers 403 instead of 404 for a missing key, and every stage probes for
      // its outputs (the idempotency check). ListBucket reveals key names only, never contents.
      fn.allow(["s3:ListBucket"], [results.bucketArn]);
      // Every stage may be the one that writes the manifest (normalize: a bad input fails the article).
      fn.allow(["events:PutEvents"], [this.eventBus.eventBusArn]);
      // Under a key: the results bucket's objects, and the queues each function sends to.
      for (const key of new Set([encryptionKey, results.encryptionKey])) {
        if (key) fn.allow(["kms:Decrypt", "kms:GenerateDataKey"], [key.keyArn]);
      }
    }
    // The consumer HEADs a dead normalize message's source: gone or replaced means nothing to record.
    for (const fn of [normalize, deadLetter]) {
      fn.allow(["s3:GetObject"], [incomingObjects]);
      fn.allow(["s3:ListBucket"], [ingest.bucketArn]);
      const key = ingest.encryptionKey;
      if (key && key !== encryptionKey) fn.allow(["kms:Decrypt"], [key.keyArn]);
      acknowledgeWildcardResource(
        fn.role,
        incomingObjects,
        `Normalize reads any uploaded article (the dead-letter consumer HEADs it), scoped to ${incomingPrefix ? `the ${incomingPrefix} prefix of` : "the whole of"} the ingest bucket.`,
      );
    }
    summarize.allow(["sqs:SendMessage"], [translate.queue.queueArn]);
    // TranslateText is the one Translate action called, terminologies included (GetTerminology downloads a
    // terminology's file, which the stage never does). With SourceLanguageCode "auto" (an article the
    // normalizer marked "und"), Translate calls Comprehend's DetectDominantLanguage as the caller.
    translate.allow(["translate:TranslateText", "comprehend:DetectDominantLanguage"], ["*"]);
    Validations.of(translate.role).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason:
        "X-Ray PutTraceSegments/PutTelemetryRecords, translate:TranslateText and comprehend:DetectDominantLanguage (called by Translate for SourceLanguageCode auto, on articles whose language the normalizer could not tell) support no resource-level permissions.",
    });

    this.alarmTopic = new AlarmTopic(
      this,
      "Alarms",
      props.alarmEmail ? { email: props.alarmEmail } : {},
    );
    for (const fn of Object.values(this.stages)) this.alarmTopic.notifyOn(fn.dlqAlarm);
    this.operations = new Operations(this, "Operations", {
      stages: this.stages,
      alarms: this.alarmTopic,
      settings: operations,
    });
    acknowledgeNotificationsHandler(this);
  }
}

/** An S3 notification prefix as S3 takes it: a literal key start, no wildcard, no leading slash. */
function checkedPrefix(prefix: string): string {
  const problem = incomingPrefixProblem(prefix);
  if (problem) throw new ConfigError(`incomingPrefix: ${problem}`);
  return prefix;
}

/** One bucket for both roles is fine as long as no output key can fall under the intake prefix. */
function refuseLoop(ingest: IBucket, incomingPrefix: string, results: IBucket): void {
  const name = (b: IBucket) => (Token.isUnresolved(b.bucketName) ? b : b.bucketName);
  if (name(ingest) !== name(results)) return;
  if (incomingPrefix.startsWith(RESULTS_PREFIX) || RESULTS_PREFIX.startsWith(incomingPrefix)) {
    throw new ConfigError(
      `incomingPrefix: "${incomingPrefix}" overlaps "${RESULTS_PREFIX}" in the one bucket given for ingest and results: outputs would trigger intake`,
    );
  }
}

/** CDK's singleton that configures bucket notifications at deploy time (a custom resource), if this stack has one. */
function acknowledgeNotificationsHandler(scope: Construct): void {
  const stack = Stack.of(scope);
  const handler = stack.node.children.find((c) =>
    c.node.id.startsWith("BucketNotificationsHandler"),
  );
  if (!handler) return;
  Validations.of(handler).acknowledge({
    id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    reason:
      "CDK's BucketNotificationsHandler custom resource (runs only at deploy time) ships with the basic execution managed policy; its role is not configurable.",
  });
}
