/**
 * Watches a folder and uploads what lands in it to incoming/ (the local form of dropping a file into the
 * bucket). A file is uploaded once its size has stopped changing, so a slow copy is not sent half-written.
 */
import { type FSWatcher, watch } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { INCOMING_PREFIX } from "../../../shared/contract/keys";

export interface InboxOptions {
  folder: string;
  client: S3Client;
  bucket: string;
  onUploaded: (key: string, etag: string) => void;
  onError: (file: string, error: unknown) => void;
  /** How long a file's size must stay the same before it is uploaded. */
  settleMs?: number;
}

export interface Inbox {
  close(): void;
}

export async function watchInbox(options: InboxOptions): Promise<Inbox> {
  await mkdir(options.folder, { recursive: true });
  const settleMs = options.settleMs ?? 300;
  const timers = new Map<string, NodeJS.Timeout>();
  const lastSize = new Map<string, number>();

  const upload = async (path: string) => {
    const key = INCOMING_PREFIX + relative(options.folder, path).split(sep).join("/");
    const body = await readFile(path);
    const response = await options.client.send(
      new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: body }),
    );
    options.onUploaded(key, (response.ETag ?? "").replace(/"/g, ""));
  };

  const check = async (path: string) => {
    timers.delete(path);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return;
    if (lastSize.get(path) !== info.size) {
      lastSize.set(path, info.size);
      schedule(path);
      return;
    }
    lastSize.delete(path);
    await upload(path).catch((error: unknown) => options.onError(path, error));
  };

  const schedule = (path: string) => {
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => void check(path), settleMs),
    );
  };

  const watcher: FSWatcher = watch(options.folder, { recursive: true }, (_event, name) => {
    if (!name) return;
    const file = name.toString();
    if (file.split(sep).some((part) => part.startsWith("."))) return;
    schedule(join(options.folder, file));
  });
  return {
    close: () => {
      watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
