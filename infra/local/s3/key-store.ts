/**
 * LOCAL ONLY. s3rver's file store, with object keys kept as data instead of paths. s3rver 3.7 writes each key
 * segment as a folder or file name: `..` and `.` segments were resolved (`incoming/../../../x.txt` landed outside
 * the store, `incoming/./a.txt` overwrote `incoming/a.txt`), an empty segment broke the request, and a segment of
 * 234+ bytes passed the file-name limit (ENAMETOOLONG crashed the process). Here every key of a bucket is one
 * flat file name of bounded length — a readable, escaped prefix of the key and a hash of all of it — and the key
 * itself is written beside the object, so listing gives back exactly the keys S3 would.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import S3Error from "s3rver/lib/models/error.js";
import S3Object from "s3rver/lib/models/object.js";
import FilesystemStore, { type ListOptions } from "s3rver/lib/stores/filesystem.js";
import { S3_MAX_KEY_BYTES } from "../../../shared/limits";
import { keyTooLong } from "./service-error";

/** The folder of a bucket holding its objects (s3rver's own bucket-level files stay beside it). */
export const OBJECTS_FOLDER = "objects";
const SUFFIX = "._S3rver_";
const KEY_FILE = `${SUFFIX}key`;
const OBJECT_FILE = `${SUFFIX}object`;
/** The readable part of a file name: enough to recognise a key when browsing the folder. */
const READABLE_PREFIX = 60;

/** Refuses what S3 refuses: a key over 1,024 bytes of UTF-8 (keyTooLong), or an empty one. */
export function checkKey(key: string): void {
  const refusal = keyTooLong(key);
  if (refusal) {
    throw new S3Error("KeyTooLongError", refusal, {
      Size: Buffer.byteLength(key, "utf8"),
      MaxSizeAllowed: S3_MAX_KEY_BYTES,
    });
  }
  if (key.length === 0) throw new S3Error("InvalidArgument", "The object key must not be empty");
}

/** One safe, bounded file name per key: no `/`, no `.`/`..`, ≤ 60 readable characters + 40 of hash. */
export function keyFileName(key: string): string {
  const readable = key.slice(0, READABLE_PREFIX).replace(/[^A-Za-z0-9_-]/g, "_");
  const hash = createHash("sha256").update(key, "utf8").digest("hex").slice(0, 40);
  return `${readable}~${hash}`;
}

export class KeyedFilesystemStore extends FilesystemStore {
  /** Per bucket, key → file name; read from the key files once, then kept up to date by this process. */
  private readonly index = new Map<string, Promise<Map<string, string>>>();

  private objectsFolder(bucket: string): string {
    return join(this.getBucketPath(bucket), OBJECTS_FOLDER);
  }

  override getResourcePath(bucket: string, key: string | undefined, resource: string): string {
    if (key === undefined || key === "") return super.getResourcePath(bucket, key, resource);
    checkKey(key);
    return join(this.objectsFolder(bucket), `${keyFileName(key)}${SUFFIX}${resource}`);
  }

  private keys(bucket: string): Promise<Map<string, string>> {
    let keys = this.index.get(bucket);
    if (!keys) {
      keys = this.readKeys(bucket);
      this.index.set(bucket, keys);
    }
    return keys;
  }

  private async readKeys(bucket: string): Promise<Map<string, string>> {
    const folder = this.objectsFolder(bucket);
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [] as string[];
      throw error;
    });
    const present = new Set(names);
    const keys = new Map<string, string>();
    for (const name of names) {
      if (!name.endsWith(KEY_FILE)) continue;
      const base = name.slice(0, -KEY_FILE.length);
      if (!present.has(`${base}${OBJECT_FILE}`)) continue;
      keys.set(await readFile(join(folder, name), "utf8"), base);
    }
    return keys;
  }

  private async remember(bucket: string, key: string): Promise<void> {
    const keys = await this.keys(bucket);
    const base = keyFileName(key);
    if (keys.get(key) === base) return;
    await mkdir(this.objectsFolder(bucket), { recursive: true });
    await writeFile(join(this.objectsFolder(bucket), `${base}${KEY_FILE}`), key, "utf8");
    keys.set(key, base);
  }

  override async putObject(object: S3Object): Promise<{ size: number; md5: string }> {
    checkKey(object.key);
    await mkdir(this.objectsFolder(object.bucket), { recursive: true });
    const result = await super.putObject(object);
    await this.remember(object.bucket, object.key);
    return result;
  }

  override async copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacementMetadata?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const metadata = await super.copyObject(
      srcBucket,
      srcKey,
      destBucket,
      destKey,
      replacementMetadata,
    );
    await this.remember(destBucket, destKey);
    return metadata;
  }

  override async initiateUpload(
    bucket: string,
    key: string,
    uploadId: string,
    metadata: unknown,
  ): Promise<void> {
    checkKey(key);
    await super.initiateUpload(bucket, key, uploadId, metadata);
  }

  override async deleteObject(bucket: string, key: string): Promise<void> {
    const keys = await this.keys(bucket);
    keys.delete(key);
    const files = ["object", "object.md5", "metadata.json", "key"].map((resource) =>
      this.getResourcePath(bucket, key, resource),
    );
    for (const file of files) {
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    }
  }

  override async listObjects(
    bucket: string,
    options: ListOptions,
  ): Promise<{ objects: S3Object[]; commonPrefixes: string[]; isTruncated: boolean }> {
    const {
      delimiter = "",
      startAfter = "",
      prefix = "",
      maxKeys = Number.POSITIVE_INFINITY,
    } = options;
    const sorted = [...(await this.keys(bucket)).keys()].sort(byUtf8);
    const commonPrefixes = new Set<string>();
    const found: string[] = [];
    let isTruncated = false;
    for (const key of sorted) {
      if (!key.startsWith(prefix) || byUtf8(key, startAfter) <= 0) continue;
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        commonPrefixes.add(key.slice(0, cut + delimiter.length));
        continue;
      }
      if (found.length >= maxKeys) {
        isTruncated = true;
        break;
      }
      found.push(key);
    }
    const objects: S3Object[] = [];
    for (const key of found) {
      const metadata = await this.getMetadata(bucket, key).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return undefined;
        throw error;
      });
      if (metadata) objects.push(new S3Object(bucket, key, null, metadata));
    }
    return { objects, commonPrefixes: [...commonPrefixes].sort(byUtf8), isTruncated };
  }
}

/** S3 lists keys in UTF-8 binary order. */
function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
