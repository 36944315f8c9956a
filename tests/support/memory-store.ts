/**
 * An in-memory ObjectStore for stage tests: the real S3 adapter (S3ObjectStore) on the tests' in-memory S3,
 * so a stage sees exactly the answers it gets on AWS, conditional writes included.
 */
import { S3ObjectStore } from "../../shared/adapters/s3/object-store";
import { type MemoryObject, MemoryS3 } from "./memory-s3";

export class MemoryStore extends S3ObjectStore {
  readonly s3: MemoryS3;

  constructor(s3 = new MemoryS3()) {
    super(s3.client());
    this.s3 = s3;
  }

  /** The stored objects, by "bucket/key". */
  get objects(): Map<string, MemoryObject> {
    return this.s3.objects;
  }

  /** The keys written, in order (without their bucket). */
  get puts(): string[] {
    return this.s3.puts.map((id) => id.slice(id.indexOf("/") + 1));
  }

  /** Keys whose next N PUTs are refused (as after the SDK's own retries). */
  get failNext(): Map<string, number> {
    return this.s3.failNext;
  }

  text(bucket: string, key: string): string | undefined {
    const stored = this.s3.object(bucket, key);
    return stored ? Buffer.from(stored.body).toString("utf8") : undefined;
  }
}
