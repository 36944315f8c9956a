/** The part of s3rver 3.7's API the local stack uses (the package ships no types). */
declare module "s3rver" {
  import type { EventEmitter } from "node:events";
  import type { AddressInfo } from "node:net";

  export interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  /** The notification s3rver emits on "event": one record, key NOT form-encoded (unlike real S3). */
  export interface S3rverEvent {
    Records: {
      eventName: string;
      eventTime: string;
      s3: {
        bucket: { name: string };
        object: { key: string; size?: number; eTag?: string; sequencer: string };
      };
    }[];
  }

  export default class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    /** Koa's middleware list (S3rver extends Koa), composed when run() starts the server. */
    middleware: import("./s3/edge").EdgeMiddleware[];
    /** Set by run(). */
    httpServer?: import("node:http").Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    on(event: "event", listener: (event: S3rverEvent) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
