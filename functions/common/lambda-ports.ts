/**
 * What every Lambda handler builds the same way from its environment: the validated settings, the results
 * store on S3 and the completion events on EventBridge, each SDK client traced. Stage-specific ports (the
 * translate queue, the translator, the parked queues) stay in the stage's own handler.
 */

import type { Tracer } from "@aws-lambda-powertools/tracer";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { S3Client } from "@aws-sdk/client-s3";
import { EventBridgePublisher } from "../../shared/adapters/eventbridge/event-publisher";
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import { ENV, type PipelineConfig, parseConfig } from "../../shared/pipeline/config";

export interface LambdaPorts {
  config: PipelineConfig;
  store: S3ObjectStore;
  events: EventBridgePublisher;
}

export function lambdaPorts(tracer: Tracer, env: NodeJS.ProcessEnv = process.env): LambdaPorts {
  return {
    config: parseConfig(env),
    store: new S3ObjectStore(tracer.captureAWSv3Client(new S3Client({}))),
    events: new EventBridgePublisher(
      tracer.captureAWSv3Client(new EventBridgeClient({})),
      env[ENV.eventBusName] || "default",
    ),
  };
}
