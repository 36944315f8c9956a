/**
 * Service limits and the project's own ceilings, in one place, each with the document that states it.
 * Code that depends on a limit imports it from here; nothing else hard-codes these numbers.
 */

/**
 * TranslateText: at most 10,000 bytes of UTF-8 input per request (synchronous real-time translation).
 * Measure with Buffer.byteLength(text, "utf8"), never string length.
 * https://docs.aws.amazon.com/translate/latest/dg/what-is-limits.html#limits
 */
export const TRANSLATE_TEXT_MAX_BYTES = 10_000;

/**
 * TranslateText: at most one custom terminology per request.
 * https://docs.aws.amazon.com/translate/latest/dg/what-is-limits.html#limits
 */
export const TRANSLATE_MAX_TERMINOLOGIES_PER_REQUEST = 1;

/**
 * SQS: a message body is at most 256 KiB (262,144 bytes); an S3 event notification for one record is a few KiB.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
 */
export const SQS_MAX_MESSAGE_BYTES = 262_144;

/**
 * SQS SendMessageBatch: at most 10 messages per call; each entry succeeds or fails on its own.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
 */
export const SQS_SEND_BATCH_MAX_ENTRIES = 10;

/**
 * S3 object keys are at most 1,024 bytes of UTF-8.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 */
export const S3_MAX_KEY_BYTES = 1_024;

/**
 * EventBridge PutEvents: an entry is at most 256 KB, so events carry the manifest's location, not the manifest.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export const EVENTBRIDGE_MAX_ENTRY_BYTES = 262_144;

/**
 * Lambda allocates CPU in proportion to memory: 1,769 MB is one full vCPU, less is a share of one.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
 */
export const LAMBDA_MB_PER_VCPU = 1_769;

/** The project's default ceiling on one input file (configurable per deployment: `maxInputBytes`). */
export const DEFAULT_MAX_INPUT_BYTES = 2 * 1024 * 1024;

/**
 * TranslateText has no published request-rate quota ("Amazon Translate scales to serve customer operational
 * traffic"; sustained throttling means asking AWS Support), so the project's own default: requests in flight
 * per Translate adapter, shared by every language it serves. Configurable per adapter (`concurrency`).
 * https://docs.aws.amazon.com/translate/latest/dg/what-is-limits.html#limits-throttling
 */
export const DEFAULT_TRANSLATE_CONCURRENCY = 5;

/**
 * Attempts per TranslateText request, the first included, in the SDK's adaptive retry mode (the SDK default
 * is 3; throttling under a burst of languages needs a little more room). Configurable (`maxAttempts`).
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export const DEFAULT_TRANSLATE_MAX_ATTEMPTS = 5;

/**
 * The project's ceiling on one Apertium process, after which it is killed and the language fails. A process
 * carries one chunk of APERTIUM_CHUNK_BYTES, so it stays far under this even on a loaded machine.
 */
export const APERTIUM_TIMEOUT_MS = 120_000;

/**
 * Bytes of sentences per Apertium process. Small enough that a chunk in flight when the translate stage's
 * deadline guard stops sending finishes inside its reserve (STOP_SENDING_RESERVE_MS), and that a resumed
 * delivery redoes little; large enough that the start-up of each process (loading the pair's transducers)
 * stays a small share.
 */
export const APERTIUM_CHUNK_BYTES = 64 * 1024;

/**
 * Apertium processes in flight per translateTexts call: one per core of a local machine. One process is a
 * pipeline of several programs, and its slowest stage bounds it, so a second overlaps that stage and the
 * start-up of the next chunk.
 */
export const APERTIUM_CONCURRENCY = 2;

/**
 * S3 user-defined metadata (x-amz-meta-*) is at most 2 KB per object: the UTF-8 bytes of every key and value
 * summed. A PUT over it is refused, so whatever an output records in its metadata must stay under it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#UserMetadata
 */
export const S3_USER_METADATA_MAX_BYTES = 2_048;
