import type { Role } from "aws-cdk-lib/aws-iam";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { Construct } from "constructs";
import {
  DEAD_LETTER_CONSUMER,
  DEAD_LETTER_FUNCTION,
  deadLetterEnv,
} from "../../../shared/pipeline/dead-letter-routes";
import type { StageName } from "../../../shared/pipeline/routing";
import { pipelineFunction } from "./pipeline-function";
import type { StageFunction } from "./stage-function";

export interface DeadLetterConsumerProps {
  stages: Readonly<Record<StageName, StageFunction>>;
  /** The stages' settings (results bucket, target languages, …): the consumer writes the same manifests. */
  environment: Record<string, string>;
}

/**
 * The consumer of every stage's dead-letter queue (functions/dead-letter/handler.ts): records the failure of
 * each message whose deliveries all died, then parks it in the stage's parked queue. One function for the
 * three queues: it tells them apart by the record's eventSourceARN, matched against the variables set here.
 */
export class DeadLetterConsumer extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly allow: (actions: string[], resources: string[]) => void;

  constructor(scope: Construct, id: string, props: DeadLetterConsumerProps) {
    super(scope, id);
    const stages = Object.entries(props.stages) as [StageName, StageFunction][];
    const routes = Object.fromEntries(
      stages.flatMap(([stage, fn]) => {
        const names = deadLetterEnv(stage);
        return [
          [names.queueArn, fn.deadLetterQueue.queueArn],
          [names.parkedQueueUrl, fn.parkedQueue.queueUrl],
        ];
      }),
    );
    const built = pipelineFunction(this, {
      name: DEAD_LETTER_FUNCTION,
      memoryMb: DEAD_LETTER_CONSUMER.memoryMb,
      timeoutSeconds: DEAD_LETTER_CONSUMER.timeoutSeconds,
      environment: { ...props.environment, ...routes },
    });
    this.function = built.function;
    this.role = built.role;
    this.allow = built.allow;
    for (const [, fn] of stages) {
      this.function.addEventSource(
        new SqsEventSource(fn.deadLetterQueue, {
          batchSize: DEAD_LETTER_CONSUMER.batchSize,
          reportBatchItemFailures: true,
          maxConcurrency: DEAD_LETTER_CONSUMER.maxConcurrency,
        }),
      );
    }
    this.allow(
      ["sqs:SendMessage"],
      stages.map(([, fn]) => fn.parkedQueue.queueArn),
    );
  }
}
