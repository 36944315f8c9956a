/**
 * LOCAL ONLY. s3rver ignores If-None-Match / If-Match and is not atomic per key, so two finishers racing on
 * manifest.json would both "win" and send two completion events. Local mode runs every handler in one
 * process, so an in-process lock per key plus a HEAD check gives the same exactly-once answer S3's
 * conditional write gives on AWS (the rules in conditional.ts, shared with the tests' in-memory S3). It does
 * not protect against a second process writing to the same data folder; on AWS, S3 itself is the guard.
 * Keys S3 would refuse are refused by the endpoint itself (edge.ts); a conditional write checks first, since
 * its HEAD of such a key would fail without S3's answer.
 */
import type {
  ConditionalPutOptions,
  ListableObjectStore,
  ObjectHead,
  PutOptions,
  StoredObject,
} from "../../../shared/pipeline/ports";
import { conditionalWriteAnswer } from "./conditional";
import { assertKeyLength } from "./service-error";

export class LocallyGuardedObjectStore implements ListableObjectStore {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly inner: ListableObjectStore) {}

  // Reads wait for the writes of their key too: s3rver writes body and metadata in place, so a read during a
  // write can see half of it, where S3 returns the old or the new object whole.
  get(bucket: string, key: string): Promise<StoredObject | undefined> {
    return this.withLock(`${bucket}/${key}`, () => this.inner.get(bucket, key));
  }

  head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    return this.withLock(`${bucket}/${key}`, () => this.inner.head(bucket, key));
  }

  put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options?: PutOptions,
  ): Promise<{ etag: string }> {
    // s3rver is not atomic per key: two concurrent PUTs of one key (a redelivered message running beside the
    // original) can leave the object unreadable. S3 is; serialize writes per key to behave like it.
    return this.withLock(`${bucket}/${key}`, () => this.inner.put(bucket, key, body, options));
  }

  list(bucket: string, prefix: string): Promise<string[]> {
    return this.inner.list(bucket, prefix);
  }

  async putConditional(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options: ConditionalPutOptions = {},
  ): Promise<{ written: boolean; etag?: string }> {
    assertKeyLength(key);
    return this.withLock(`${bucket}/${key}`, async () => {
      const current = await this.inner.head(bucket, key);
      const conditions = options.ifMatch ? { ifMatch: options.ifMatch } : { ifNoneMatch: "*" };
      // Every refusal (412, or 404 under If-Match) is "not written", as the S3 adapter reports it.
      if (conditionalWriteAnswer(current?.etag, conditions) !== "write") return { written: false };
      const { ifMatch: _condition, ...putOptions } = options;
      const { etag } = await this.inner.put(bucket, key, body, putOptions);
      return { written: true, etag };
    });
  }

  private async withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(name) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    this.locks.set(name, settled);
    try {
      return await run;
    } finally {
      // Drop the entry when no later writer chained onto it, so the map does not grow with every key.
      if (this.locks.get(name) === settled) this.locks.delete(name);
    }
  }
}
