/**
 * The dead-letter consumer's place in the routing: which dead-letter queue belongs to which stage, where its
 * messages are parked afterwards, and what the consumer runs with. Read by the CDK stack (which creates the
 * queues and sets the variables) and by the consumer's handler (which reads them back).
 */
import { type RawSettings, requireSetting } from "./config";
import { ROUTES, type StageName } from "./routing";

/** The consumer's function name (functions/dead-letter/handler.ts). */
export const DEAD_LETTER_FUNCTION = "dead-letter";

/** The pipeline's functions: one per stage, and the consumer of the stages' dead-letter queues. */
export type FunctionName = StageName | typeof DEAD_LETTER_FUNCTION;

export const FUNCTION_NAMES: readonly FunctionName[] = [
  ...ROUTES.map((route) => route.stage),
  DEAD_LETTER_FUNCTION,
];

/** The consumer function's own resources: it reads heads and error records only, never an article. */
export const DEAD_LETTER_CONSUMER = {
  memoryMb: 256,
  timeoutSeconds: 60,
  /** 6 × the timeout, as AWS advises for an SQS event source. */
  visibilityTimeoutSeconds: 360,
  /** The consumer's own tries before SQS moves the message to the parked queue without a record. */
  maxReceiveCount: 3,
  batchSize: 10,
  /** Parked messages wait this long for a redrive (SQS's maximum). */
  parkedRetentionDays: 14,
} as const;

export interface DeadLetterRoute {
  stage: StageName;
  /** The stage's dead-letter queue: the consumer's event source (records carry it as eventSourceARN). */
  queueArn: string;
  /** Where the consumer parks the message once recorded. */
  parkedQueueUrl: string;
}

/** Environment variable names per stage, set by the stack and read by the consumer. */
export function deadLetterEnv(stage: StageName): { queueArn: string; parkedQueueUrl: string } {
  const upper = stage.toUpperCase();
  return {
    queueArn: `DEAD_LETTER_QUEUE_ARN_${upper}`,
    parkedQueueUrl: `PARKED_QUEUE_URL_${upper}`,
  };
}

export function parseDeadLetterRoutes(env: RawSettings): DeadLetterRoute[] {
  return ROUTES.map(({ stage }) => {
    const names = deadLetterEnv(stage);
    return {
      stage,
      queueArn: requireSetting(env, names.queueArn),
      parkedQueueUrl: requireSetting(env, names.parkedQueueUrl),
    };
  });
}
