/** An in-memory ObjectStore with S3's conditional-write answers (If-None-Match, If-Match), for stage tests. */
import { createHash } from "node:crypto";
import type {
  ConditionalPutOptions,
  ObjectHead,
  ObjectStore,
  PutOptions,
  StoredObject,
} from "../../../../shared/pipeline/ports";

export class MemoryStore implements ObjectStore {
  readonly objects = new Map<string, StoredObject>();
  readonly puts: string[] = [];
  /** Keys whose next N plain PUTs are refused (as after the SDK's own retries). */
  readonly failNext = new Map<string, number>();

  async get(bucket: string, key: string): Promise<StoredObject | undefined> {
    return this.objects.get(`${bucket}/${key}`);
  }

  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    const stored = this.objects.get(`${bucket}/${key}`);
    if (!stored) return undefined;
    const { body: _body, ...head } = stored;
    return head;
  }

  async put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options: PutOptions = {},
  ): Promise<{ etag: string }> {
    const failures = this.failNext.get(key) ?? 0;
    if (failures > 0) {
      this.failNext.set(key, failures - 1);
      throw Object.assign(new Error(`PUT ${key} refused`), { name: "InternalError" });
    }
    this.puts.push(key);
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    const etag = createHash("md5").update(bytes).update(String(this.puts.length)).digest("hex");
    this.objects.set(`${bucket}/${key}`, {
      body: bytes,
      etag,
      size: bytes.length,
      metadata: options.metadata ?? {},
      ...(options.contentType ? { contentType: options.contentType } : {}),
    });
    return { etag };
  }

  async putIfAbsent(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options: ConditionalPutOptions = {},
  ): Promise<{ written: boolean; etag?: string }> {
    const current = this.objects.get(`${bucket}/${key}`);
    const allowed = options.ifMatch ? current?.etag === options.ifMatch : current === undefined;
    if (!allowed) return { written: false };
    const { ifMatch: _ifMatch, ...plain } = options;
    return { written: true, ...(await this.put(bucket, key, body, plain)) };
  }

  async list(bucket: string, prefix: string): Promise<string[]> {
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(`${bucket}/${prefix}`))
      .map((k) => k.slice(bucket.length + 1));
  }

  text(bucket: string, key: string): string | undefined {
    const stored = this.objects.get(`${bucket}/${key}`);
    return stored ? Buffer.from(stored.body).toString("utf8") : undefined;
  }
}
