/**
 * This repository's deployment: one stack holding one ArticlePipeline (./article-pipeline.ts) with buckets of
 * its own, and the outputs the README and the tooling read (bucket names, alarm topic, queues for redrive).
 */
import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import { EventBus } from "aws-cdk-lib/aws-events";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { RESULTS_PREFIX } from "../../shared/contract/keys";
import type { LogLevelName } from "../../shared/pipeline/config";
import type { StageName } from "../../shared/pipeline/routing";
import { ArticlePipeline } from "./article-pipeline";
import type { AlarmTopic } from "./constructs/alarm-topic";
import type { DeadLetterConsumer } from "./constructs/dead-letter-consumer";
import type { Operations } from "./constructs/operations";
import type { StageFunction } from "./constructs/stage-function";
import type { OperationsSettings, PipelineSettings } from "./settings";
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
  readonly pipeline: ArticlePipeline;
  readonly ingestBucket: IBucket;
  readonly resultsBucket: IBucket;
  readonly stages: Record<StageName, StageFunction>;
  readonly alarmTopic: AlarmTopic;
  readonly operations: Operations;
  readonly deadLetterConsumer: DeadLetterConsumer;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    // The id "Default" is left out of logical ids: every resource keeps the id it had when the stack built
    // them itself, so updating a deployed stack replaces nothing (buckets, queues and log groups included).
    const pipeline = new ArticlePipeline(this, "Default", {
      settings: props.settings,
      ...(props.eventBusName
        ? { eventBus: EventBus.fromEventBusName(this, "EventBus", props.eventBusName) }
        : {}),
      alarmEmail: props.alarmEmail,
      operations: props.operations,
      logLevel: props.logLevel,
    });
    this.pipeline = pipeline;
    this.ingestBucket = pipeline.ingestBucket;
    this.resultsBucket = pipeline.resultsBucket;
    this.stages = pipeline.stages;
    this.alarmTopic = pipeline.alarmTopic;
    this.operations = pipeline.operations;
    this.deadLetterConsumer = pipeline.deadLetterConsumer;

    new CfnOutput(this, STACK_OUTPUTS.ingestBucket, {
      value: pipeline.ingestBucket.bucketName,
      description: `Drop articles under s3://<this bucket>/${pipeline.incomingPrefix}`,
    });
    new CfnOutput(this, STACK_OUTPUTS.incomingPrefix, {
      value: pipeline.incomingPrefix,
      description:
        "Keys under it in the ingest bucket start the pipeline: what `npm run backfill` lists",
    });
    new CfnOutput(this, STACK_OUTPUTS.resultsBucket, {
      value: pipeline.resultsBucket.bucketName,
      description: `Outputs under ${RESULTS_PREFIX}<articleId>/ (manifest.json last)`,
    });
    new CfnOutput(this, "AlarmTopicArn", {
      value: pipeline.alarmTopic.topic.topicArn,
      description: "Every alarm (ALARM and OK) is published here: subscribe to be told",
    });
    new CfnOutput(this, STACK_OUTPUTS.normalizeQueueUrl, {
      value: pipeline.stages.normalize.queue.queueUrl,
      description: "normalize queue: where `npm run backfill` sends stored objects' notifications",
    });
    for (const [name, fn] of Object.entries(pipeline.stages)) {
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
}
