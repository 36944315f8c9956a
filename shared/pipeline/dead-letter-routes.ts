/**
 * The dead-letter consumer's place in the routing: which dead-letter queue belongs to which stage, where its
 * messages are parked afterwards, and what the consumer runs with. Read by the CDK stack (which creates the
 * queues and sets the variables) and by the consumer's handler (which reads them back).
 */
import { type RawSettings, requireSetting } from "./config";
import { DEAD_LETTER_RESOURCES, type StageResources } from "./resources";
import { ROUTES, routeOf, type StageName } from "./routing";

/** The consumer's function name (functions/dead-letter/handler.ts). */
export const DEAD_LETTER_FUNCTION = "dead-letter";

/** The pipeline's functions: one per stage, and the consumer of the stages' dead-letter queues. */
export type FunctionName = StageName | typeof DEAD_LETTER_FUNCTION;

export const FUNCTION_NAMES: readonly FunctionName[] = [
  ...ROUTES.map((route) => route.stage),
  DEAD_LETTER_FUNCTION,
];

/** The consumer's resources (shared/pipeline/resources.ts), and how long parked messages wait for a redrive. */
export const DEAD_LETTER_CONSUMER = {
  ...DEAD_LETTER_RESOURCES,
  /** SQS's maximum retention. */
  parkedRetentionDays: 14,
} as const;

/** What a function runs with: its stage's row of the table, or the consumer's. */
export function resourcesOf(name: FunctionName): StageResources {
  return name === DEAD_LETTER_FUNCTION ? DEAD_LETTER_CONSUMER : routeOf(name).queue;
}

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
