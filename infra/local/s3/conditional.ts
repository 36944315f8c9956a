/**
 * S3's answers to a conditional PUT, written once for every stand-in that must give them: the local store on
 * s3rver (guarded-store.ts; s3rver ignores the headers) and the tests' in-memory S3 (tests/support). Etags
 * are compared without their quotes or weak marker, as S3 compares what clients echo back from a response.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html
 */
import { bareEtag } from "../../../shared/pipeline/provenance";

export interface WriteConditions {
  /** Only "*": write only if no object has the key. */
  ifNoneMatch?: string;
  /** Write only if the object's etag is this one (or, "*", if any object has the key). */
  ifMatch?: string;
}

/**
 * "write", or the error code S3 answers with: PreconditionFailed (412) when an object exists under
 * If-None-Match: * or has another etag under If-Match; NoSuchKey (404) under If-Match when there is no object
 * (what S3 answers, github.com/minio/minio/issues/21526 shows the AWS CLI's output).
 */
export function conditionalWriteAnswer(
  currentEtag: string | undefined,
  conditions: WriteConditions,
): "write" | "PreconditionFailed" | "NoSuchKey" {
  if (conditions.ifNoneMatch !== undefined) {
    if (conditions.ifNoneMatch !== "*") throw new Error('S3 takes only "*" for If-None-Match');
    if (currentEtag !== undefined) return "PreconditionFailed";
  }
  if (conditions.ifMatch !== undefined) {
    if (currentEtag === undefined) return "NoSuchKey";
    if (conditions.ifMatch !== "*" && bareEtag(currentEtag) !== bareEtag(conditions.ifMatch)) {
      return "PreconditionFailed";
    }
  }
  return "write";
}

/** An etag as S3 sends it in ETag headers: in double quotes. */
export function quotedEtag(etag: string): string {
  return `"${bareEtag(etag)}"`;
}
