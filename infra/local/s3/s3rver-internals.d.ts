/** The parts of s3rver 3.7's internals the local S3 edge builds on (the package ships no types). */
declare module "s3rver/lib/models/error.js" {
  export default class S3Error extends Error {
    constructor(code: string, message: string, detail?: Record<string, string | number>);
    readonly code: string;
    readonly status: number;
  }
}

declare module "s3rver/lib/models/object.js" {
  export default class S3Object {
    constructor(bucket: string, key: string, content: unknown, metadata: Record<string, unknown>);
    bucket: string;
    key: string;
    content: unknown;
    metadata: Record<string, unknown>;
  }
}

declare module "s3rver/lib/stores/filesystem.js" {
  import type S3Object from "s3rver/lib/models/object.js";

  export interface ListOptions {
    delimiter?: string;
    startAfter?: string;
    prefix?: string;
    maxKeys?: number;
  }

  export default class FilesystemStore {
    constructor(rootDirectory: string);
    rootDirectory: string;
    getBucketPath(bucket: string): string;
    getResourcePath(bucket: string, key: string | undefined, resource: string): string;
    getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
    putObject(object: S3Object): Promise<{ size: number; md5: string }>;
    copyObject(
      srcBucket: string,
      srcKey: string,
      destBucket: string,
      destKey: string,
      replacementMetadata?: Record<string, unknown>,
    ): Promise<Record<string, unknown>>;
    deleteObject(bucket: string, key: string): Promise<void>;
    initiateUpload(bucket: string, key: string, uploadId: string, metadata: unknown): Promise<void>;
    listObjects(
      bucket: string,
      options: ListOptions,
    ): Promise<{ objects: S3Object[]; commonPrefixes: string[]; isTruncated: boolean }>;
  }
}
