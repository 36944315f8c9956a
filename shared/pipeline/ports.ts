/**
 * The ports the pipeline stages talk through. AWS adapters (shared/adapters/s3, sqs, eventbridge) implement them
 * for Lambda; the local runner (infra/local) implements them on s3rver, an in-process queue and Apertium.
 * Stages never see an SDK type, so the same stage code runs in both places.
 */
import type { ArticleProcessedDetail } from "../contract/manifest";

export type { Translator } from "../translate";

/** Object metadata as S3 stores it: lower-case keys, string values (sent as x-amz-meta-*). */
export type ObjectMetadata = Record<string, string>;

export interface ObjectHead {
  /** Without the surrounding quotes S3 puts on ETags, so event etags and HEAD etags compare equal. */
  etag: string;
  size: number;
  metadata: ObjectMetadata;
  contentType?: string;
  versionId?: string;
}

export interface StoredObject extends ObjectHead {
  body: Uint8Array;
}

export interface PutOptions {
  contentType?: string;
  metadata?: ObjectMetadata;
}

export interface ConditionalPutOptions extends PutOptions {
  /**
   * Write only if the object's current etag is this one (compare-and-swap), instead of only if it is absent.
   * Used to replace the manifest of an older source version exactly once when the same key is re-uploaded.
   */
  ifMatch?: string;
}

export interface ObjectStore {
  /** The object, or undefined when the key does not exist. */
  get(bucket: string, key: string): Promise<StoredObject | undefined>;
  /** The object's etag and metadata without its body, or undefined when the key does not exist. */
  head(bucket: string, key: string): Promise<ObjectHead | undefined>;
  put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options?: PutOptions,
  ): Promise<{ etag: string }>;
  /**
   * Conditional write: only if the key is absent (or, with `ifMatch`, only if its etag is still that one).
   * Returns written=false when another writer got there first; that is the exactly-once guard of the manifest.
   * On AWS this is PutObject with If-None-Match: * (or If-Match). Implementations without native conditional
   * writes (s3rver) must add their own guard.
   */
  putConditional(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options?: ConditionalPutOptions,
  ): Promise<{ written: boolean; etag?: string }>;
}

/**
 * A store that can also enumerate keys. Stages never list (they address every object by key); only tooling
 * does: the local runner collecting an article's outputs, the reliability harness, a backfill.
 */
export interface ListableObjectStore extends ObjectStore {
  /** Every key under the prefix (all pages). */
  list(bucket: string, prefix: string): Promise<string[]>;
}

/** One unit of translation work: one article version into one language. Retried on its own. */
export interface TranslateJob {
  articleId: string;
  /** Source version the job belongs to; a job for an older version than the outputs is dropped. */
  source: { bucket: string; key: string; etag: string };
  targetLanguage: string;
  /** Every target language of this article version, so the last finisher knows when all have an outcome. */
  targetLanguages: string[];
}

export interface TranslateJobQueue {
  /** One message per job (so each language is retried and dead-lettered on its own). */
  send(jobs: readonly TranslateJob[]): Promise<void>;
}

export interface EventPublisher {
  /** The "Article Processed" event (source/detail-type in COMPLETION_EVENT) carrying the manifest's location. */
  publishArticleProcessed(detail: ArticleProcessedDetail): Promise<void>;
}

/** The minimal logger the stages use; Powertools' Logger satisfies it, so does console. */
export interface StageLogger {
  debug(message: string, ...extra: unknown[]): void;
  info(message: string, ...extra: unknown[]): void;
  warn(message: string, ...extra: unknown[]): void;
  error(message: string, ...extra: unknown[]): void;
}

/**
 * Where a dead message waits for an operator once the dead-letter consumer has recorded its failure: on AWS a
 * queue configured as the dead-letter queue's own DLQ (so SQS's DLQ redrive can move it back to the stage
 * queue), locally the dead-letter folder that `npm start -- redrive` reads.
 */
export interface ParkedQueue {
  park(message: ParkedMessage): Promise<void>;
}

export interface ParkedMessage {
  /** The stage whose queue the message came from, and goes back to on redrive. */
  stage: import("./routing").StageName;
  messageId: string;
  /** Unchanged, so a redrive hands the stage the very message it failed on. */
  body: string;
  /** Deliveries the stage's queue made before dead-lettering it. */
  receiveCount: number;
  sentAt: Date;
  /** What the consumer did with it ("recorded", "stale", "unattributable: …"), for the operator. */
  note: string;
}
