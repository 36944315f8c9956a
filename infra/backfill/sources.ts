/**
 * Which stored objects a backfill announces: every object under the prefix (ListObjectsV2, all pages) that the
 * pipeline would start normalize for, by the pipeline's own rules: the ingest prefix its S3 notification
 * filters on (the routing table's locally; on AWS the deployed construct's, which may be another), the
 * normalizer's file types, and normalize's folder-marker rule.
 */
import { paginateListObjectsV2, type S3Client } from "@aws-sdk/client-s3";
import { isSupportedFileName } from "../../shared/normalize";
import { bareEtag } from "../../shared/pipeline/provenance";
import { routeOf } from "../../shared/pipeline/routing";
import { isFolderMarker } from "../../shared/pipeline/stages/normalize";
import { UsageError } from "../local/cli/options";

export interface StoredSource {
  key: string;
  /** Bare, as S3 notifications carry it. */
  etag: string;
  size: number;
  lastModified: Date;
  storageClass?: string;
}

/** Why a listed object is not announced. */
export type Exclusion = "folder" | "unsupported" | "older" | "archived" | "outside";

/**
 * Storage classes whose objects GetObject refuses (InvalidObjectState) until they are restored: lifecycle rules
 * often move old articles there. The listing does not say whether a copy is restored, hence --include-archived.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects.html
 */
const ARCHIVED_CLASSES: ReadonlySet<string> = new Set(["GLACIER", "DEEP_ARCHIVE"]);

/** The prefix whose keys start normalize, and where that was read (for error messages). */
export interface IngestPrefix {
  prefix: string;
  from: string;
}

export interface ListFilter {
  bucket: string;
  prefix: string;
  /** Keys outside it are not announced: the pipeline's notification never fires for them. */
  ingestPrefix: string;
  /** Only objects last modified at or after this instant. */
  since?: Date;
  /** Announce objects in archive storage classes too (the user restored them). */
  includeArchived?: boolean;
}

/** The prefix that starts normalize in the ingest bucket by the routing table (the local stack's, the default). */
export function normalizePrefix(): string {
  const { trigger } = routeOf("normalize");
  if (trigger.kind !== "object-created") throw new Error("normalize is not started by S3 objects");
  return trigger.prefix;
}

/**
 * --prefix, checked against the ingest prefix (its default): a prefix no key of which could start normalize is
 * refused, since nothing under it would ever be processed. A prefix above the ingest prefix is fine (the keys
 * outside it are counted as such).
 */
export function listingPrefix(prefix: string | undefined, ingest: IngestPrefix): string {
  if (prefix === undefined) return ingest.prefix;
  if (!prefix.startsWith(ingest.prefix) && !ingest.prefix.startsWith(prefix)) {
    throw new UsageError(
      `--prefix "${prefix}" is outside "${ingest.prefix}" (${ingest.from}): the pipeline only processes objects under ${ingest.prefix}`,
    );
  }
  return prefix;
}

/** Undefined when the object is announced; otherwise why not. */
export function exclusionOf(
  source: StoredSource,
  filter: Pick<ListFilter, "ingestPrefix" | "since" | "includeArchived">,
): Exclusion | undefined {
  if (!source.key.startsWith(filter.ingestPrefix)) return "outside";
  if (isFolderMarker(source)) return "folder";
  if (!isSupportedFileName(source.key)) return "unsupported";
  if (filter.since && source.lastModified.getTime() < filter.since.getTime()) return "older";
  const archived = source.storageClass !== undefined && ARCHIVED_CLASSES.has(source.storageClass);
  if (archived && !filter.includeArchived) return "archived";
  return undefined;
}

/** Every object under the prefix, page by page (1,000 keys a page). */
export async function* listSources(
  client: S3Client,
  filter: Pick<ListFilter, "bucket" | "prefix">,
): AsyncGenerator<StoredSource> {
  const pages = paginateListObjectsV2({ client }, { Bucket: filter.bucket, Prefix: filter.prefix });
  for await (const page of pages) {
    for (const object of page.Contents ?? []) {
      if (object.Key === undefined) continue;
      yield {
        key: object.Key,
        etag: bareEtag(object.ETag ?? ""),
        size: object.Size ?? 0,
        lastModified: object.LastModified ?? new Date(0),
        ...(object.StorageClass ? { storageClass: object.StorageClass } : {}),
      };
    }
  }
}
