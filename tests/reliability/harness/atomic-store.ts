/**
 * S3's atomic PUT for the handlers of the reliability runs. s3rver writes an object's body and metadata in
 * place, so concurrent writes of one key can interleave into an object that answers 500 for good, and a read
 * during a write can see half of it (tests/reliability/local-s3.test.ts pins that local-mode bug). S3 never
 * does either, and these runs measure the pipeline, not s3rver: every call on a key waits for the calls on
 * that key before it.
 */
import type {
  ConditionalPutOptions,
  ObjectHead,
  ObjectStore,
  PutOptions,
  StoredObject,
} from "../../../shared/pipeline/ports";

export class AtomicKeyStore implements ObjectStore {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly inner: ObjectStore) {}

  get(bucket: string, key: string): Promise<StoredObject | undefined> {
    return this.inOrder(bucket, key, () => this.inner.get(bucket, key));
  }

  head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    return this.inOrder(bucket, key, () => this.inner.head(bucket, key));
  }

  put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options?: PutOptions,
  ): Promise<{ etag: string }> {
    return this.inOrder(bucket, key, () => this.inner.put(bucket, key, body, options));
  }

  putIfAbsent(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options?: ConditionalPutOptions,
  ): Promise<{ written: boolean; etag?: string }> {
    return this.inOrder(bucket, key, () => this.inner.putIfAbsent(bucket, key, body, options));
  }

  list(bucket: string, prefix: string): Promise<string[]> {
    return this.inner.list(bucket, prefix);
  }

  private async inOrder<T>(bucket: string, key: string, call: () => Promise<T>): Promise<T> {
    const name = `${bucket}/${key}`;
    const run = (this.tails.get(name) ?? Promise.resolve()).then(call, call);
    const tail = run.catch(() => undefined);
    this.tails.set(name, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}
