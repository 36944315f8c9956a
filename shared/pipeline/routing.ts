/**
 * The pipeline's routing table: which object (bucket role, prefix, suffix) or which message starts which
 * stage, and what the stage runs with (its queue, memory and timeout, from ./resources). The one source of
 * truth read by the CDK stack (infra/aws) and by the local runner (infra/local), so that both behave alike.
 */
import { INCOMING_PREFIX, OUTPUT_FILES, RESULTS_PREFIX } from "../contract/keys";
import { STAGE_RESOURCES, type StageResources } from "./resources";

export type StageName = "normalize" | "summarize" | "translate";

/** The two buckets, by role. Results never land in the ingest bucket, so outputs cannot re-trigger intake. */
export type BucketRole = "ingest" | "results";

/** A stage started by S3 "object created" notifications for keys matching prefix and suffix. */
export interface ObjectCreatedTrigger {
  kind: "object-created";
  bucket: BucketRole;
  prefix: string;
  suffix?: string;
}

/** A stage started by messages another stage sends (one per unit of work, e.g. per target language). */
export interface MessageTrigger {
  kind: "message";
  from: StageName;
}

/** What a queue needs to know of its stage (the local queue takes only this). */
export type QueuePolicy = Pick<
  StageResources,
  "maxReceiveCount" | "batchSize" | "visibilityTimeoutSeconds" | "timeoutSeconds"
>;

export interface Route {
  stage: StageName;
  trigger: ObjectCreatedTrigger | MessageTrigger;
  /** The stage's queue policy and function resources (shared/pipeline/resources.ts). */
  queue: StageResources;
}

export const ROUTES: readonly Route[] = [
  {
    stage: "normalize",
    trigger: { kind: "object-created", bucket: "ingest", prefix: INCOMING_PREFIX },
    queue: STAGE_RESOURCES.normalize,
  },
  {
    stage: "summarize",
    trigger: {
      kind: "object-created",
      bucket: "results",
      prefix: RESULTS_PREFIX,
      suffix: `/${OUTPUT_FILES.article}`,
    },
    queue: STAGE_RESOURCES.summarize,
  },
  {
    stage: "translate",
    trigger: { kind: "message", from: "summarize" },
    queue: STAGE_RESOURCES.translate,
  },
] as const;

/** The stage an object-created notification starts, if any. */
export function stageForObject(bucket: BucketRole, key: string): StageName | undefined {
  for (const route of ROUTES) {
    const t = route.trigger;
    if (t.kind !== "object-created" || t.bucket !== bucket) continue;
    if (!key.startsWith(t.prefix)) continue;
    if (t.suffix !== undefined && !key.endsWith(t.suffix)) continue;
    return route.stage;
  }
  return undefined;
}

export function routeOf(stage: StageName): Route {
  const route = ROUTES.find((r) => r.stage === stage);
  if (!route) throw new Error(`no route for stage ${stage}`);
  return route;
}
