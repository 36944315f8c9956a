/**
 * s3rver on 127.0.0.1 with a free port the OS picks, its data in a folder under the project, the two buckets
 * created. A real S3 protocol endpoint: the handlers, the CLI and `aws s3 --endpoint-url` all talk HTTP to it.
 */
import { mkdir } from "node:fs/promises";
import S3rver, { type S3rverEvent } from "s3rver";
import { refuseKeysTooLong, s3Edge } from "./edge";
import { KeyedFilesystemStore } from "./key-store";

export interface LocalBuckets {
  ingest: string;
  results: string;
}

export const DEFAULT_LOCAL_BUCKETS: LocalBuckets = {
  ingest: "article-pipeline-ingest",
  results: "article-pipeline-results",
};

export interface S3ServerOptions {
  /** Folder holding the objects (created if missing); kept across runs, like a bucket. */
  directory: string;
  buckets?: LocalBuckets;
  /** 0 (default) lets the OS pick a free port, so parallel runs and tests never collide. */
  port?: number;
  onEvent: (event: S3rverEvent) => void;
}

export interface S3Server {
  endpoint: string;
  port: number;
  buckets: LocalBuckets;
  close(): Promise<void>;
}

/** An object written through the endpoint (any client): its bucket, key and bare etag. */
export type ObjectCreatedListener = (bucket: string, key: string, etag: string) => void;

const watchers = new Map<string, Set<ObjectCreatedListener>>();

/**
 * Calls `listener` for every object created through the endpoint until the returned function is called: how
 * `npm run dev` sees uploads made by other S3 clients, beside the ones it makes from its inbox.
 */
export function watchObjectsCreated(endpoint: string, listener: ObjectCreatedListener): () => void {
  const listeners = watchers.get(endpoint) ?? new Set<ObjectCreatedListener>();
  listeners.add(listener);
  watchers.set(endpoint, listeners);
  return () => listeners.delete(listener);
}

/** s3rver is a Koa app: its store, which the local edge replaces (key-store.ts). */
interface S3rverStores {
  store: KeyedFilesystemStore;
  context: { store: KeyedFilesystemStore };
}

export async function startS3Server(options: S3ServerOptions): Promise<S3Server> {
  const buckets = options.buckets ?? DEFAULT_LOCAL_BUCKETS;
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    // Path-style only: with vhost buckets on, a Host header like "127.0.0.1:port" is fine, but names with dots
    // would be read as buckets.
    vhostBuckets: false,
    configureBuckets: [{ name: buckets.ingest }, { name: buckets.results }],
  });
  // Ahead of s3rver's own middleware (Koa composes them at run()): S3's refusals come first.
  server.middleware.unshift(refuseKeysTooLong);
  // Keys are stored as data, not paths (key-store.ts); just before s3rver's router (its last middleware), the
  // edge hands it whole keys and decoded aws-chunked bodies (edge.ts).
  server.middleware.splice(server.middleware.length - 1, 0, s3Edge);
  const store = new KeyedFilesystemStore(options.directory);
  const app = server as unknown as S3rverStores;
  app.store = store;
  app.context.store = store;
  server.on("event", options.onEvent);
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  server.on("event", (event) => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith("ObjectCreated")) continue;
      const { bucket, object } = record.s3;
      const etag = (object.eTag ?? "").replace(/"/g, "");
      for (const listener of watchers.get(endpoint) ?? []) listener(bucket.name, object.key, etag);
    }
  });
  return {
    endpoint,
    port: address.port,
    buckets,
    close: async () => {
      // The SDK keeps connections alive; without this, close() waits for their idle timeout.
      server.httpServer?.closeAllConnections();
      watchers.delete(endpoint);
      await server.close();
    },
  };
}
