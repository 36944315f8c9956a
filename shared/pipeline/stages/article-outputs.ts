/**
 * The one door to an article's outputs: an object bound to the store, the results bucket, the article id, the
 * source version and the clock. Stages name files (OUTPUT_FILES, bookkeeping files), never keys or buckets;
 * every write stamps the provenance (source version, stage start, duration) itself, and every "is it done?"
 * is "is it made from this source version?".
 *
 * The convention for "done", the same in every stage: a stage writes its .json first (the record, e.g. the
 * paid translation) and then what is rendered from it (.txt); it is done when all its files are current. A
 * delivery that stopped in between redoes only the rendering, from the .json, at no cost.
 */
import { outputKey } from "../../contract/keys";
import type {
  ConditionalPutOptions,
  ObjectHead,
  ObjectMetadata,
  ObjectStore,
  StageLogger,
} from "../ports";
import { isMadeFrom, type Provenance, provenanceMetadata, type SourceRef } from "../provenance";
import { JSON_TYPE, type StageContext, TEXT_TYPE, toJson } from "./context";
import { withWriteRetry } from "./write-retry";

export interface WriteOptions {
  contentType?: string;
  /** Recorded instead of "this stage, from its start until now" (a .txt rebuilt keeps its .json's). */
  provenance?: Omit<Provenance, "source">;
  /** A few in-process attempts: for a write whose loss costs more than the write (after a paid call). */
  retry?: boolean;
  /** Recorded beside the provenance (article.json's target languages). */
  metadata?: ObjectMetadata;
}

export interface StoredJson<T> {
  head: ObjectHead;
  /** Undefined when the body is not JSON. */
  value: T | undefined;
  /** Made from this source version. */
  current: boolean;
}

export interface ArticleOutputs {
  readonly articleId: string;
  readonly source: SourceRef;
  readonly bucket: string;
  key(file: string): string;
  /** The provenance a write made now records: this stage's start and the time since. */
  elapsed(): Omit<Provenance, "source">;
  head(file: string): Promise<ObjectHead | undefined>;
  /** Every file exists and was made from this source version. */
  isCurrent(...files: string[]): Promise<boolean>;
  /** The file's JSON when it was made from this source version; undefined when absent or older. */
  readJson<T>(file: string): Promise<T | undefined>;
  /** The file's JSON and head whatever version made it (bookkeeping that replaces older versions' own). */
  readStored<T>(file: string): Promise<StoredJson<T> | undefined>;
  writeJson(file: string, value: unknown, options?: WriteOptions): Promise<{ etag: string }>;
  writeText(file: string, text: string, options?: WriteOptions): Promise<{ etag: string }>;
  /** Conditional write (absent, or `ifMatch`): the exactly-once guard of the manifest and the claim. */
  commitJson(
    file: string,
    value: unknown,
    options?: Pick<ConditionalPutOptions, "ifMatch"> & Pick<WriteOptions, "provenance">,
  ): Promise<{ written: boolean; etag?: string }>;
}

export interface OutputsScope {
  store: ObjectStore;
  bucket: string;
  now: () => Date;
  logger: StageLogger;
}

export function articleOutputs(
  scope: OutputsScope,
  articleId: string,
  source: SourceRef,
  startedAt: Date = scope.now(),
): ArticleOutputs {
  const { store, bucket } = scope;
  const key = (file: string) => outputKey(articleId, file);
  const elapsed = () => ({
    startedAt: startedAt.toISOString(),
    durationMs: scope.now().getTime() - startedAt.getTime(),
  });
  const metadata = (provenance?: WriteOptions["provenance"]) =>
    provenanceMetadata({ source, ...(provenance ?? elapsed()) });
  const write = (file: string, body: string, contentType: string, options: WriteOptions) => {
    const put = () =>
      store.put(bucket, key(file), body, {
        contentType: options.contentType ?? contentType,
        metadata: { ...options.metadata, ...metadata(options.provenance) },
      });
    if (!options.retry) return put();
    return withWriteRetry(put, (attempt, error) =>
      scope.logger.warn("output write failed: retrying it", { key: key(file), attempt, error }),
    );
  };
  const readStored = async <T>(file: string): Promise<StoredJson<T> | undefined> => {
    const stored = await store.get(bucket, key(file));
    if (!stored) return undefined;
    const { body, ...head } = stored;
    let value: T | undefined;
    try {
      value = JSON.parse(Buffer.from(body).toString("utf8")) as T;
    } catch {
      value = undefined;
    }
    return { head, value, current: isMadeFrom(head, source.etag) };
  };
  return {
    articleId,
    source,
    bucket,
    key,
    elapsed,
    head: (file) => store.head(bucket, key(file)),
    async isCurrent(...files) {
      const heads = await Promise.all(files.map((file) => store.head(bucket, key(file))));
      return heads.every((head) => isMadeFrom(head, source.etag));
    },
    readStored,
    async readJson<T>(file: string) {
      const stored = await readStored<T>(file);
      if (!stored?.current) return undefined;
      if (stored.value === undefined) throw new Error(`${key(file)} is not valid JSON`);
      return stored.value;
    },
    writeJson: (file, value, options = {}) => write(file, toJson(value), JSON_TYPE, options),
    writeText: (file, text, options = {}) => write(file, text, TEXT_TYPE, options),
    commitJson: (file, value, options = {}) =>
      store.putConditional(bucket, key(file), toJson(value), {
        contentType: JSON_TYPE,
        metadata: metadata(options.provenance),
        ...(options.ifMatch ? { ifMatch: options.ifMatch } : {}),
      }),
  };
}

/** The door for one article version in a stage's context, its writes timed from `startedAt`. */
export function outputsOf(
  ctx: StageContext,
  articleId: string,
  source: SourceRef,
  startedAt: Date = ctx.now(),
): ArticleOutputs {
  const scope = {
    store: ctx.store,
    bucket: ctx.config.resultsBucket,
    now: ctx.now,
    logger: ctx.logger,
  };
  return articleOutputs(scope, articleId, source, startedAt);
}
