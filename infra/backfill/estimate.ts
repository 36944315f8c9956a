/**
 * The dry run's estimate of what Amazon Translate would bill: each source's size times the number of languages
 * it would be translated into, which is its own `target-languages` metadata when it has some (languages per
 * upload), else the deployment's list. One HEAD per source reads the metadata.
 */
import pLimit from "p-limit";
import type { ObjectStore } from "../../shared/pipeline/ports";
import {
  InvalidTargetLanguagesError,
  requestedTargetLanguages,
  TARGET_LANGUAGES_METADATA,
} from "../../shared/pipeline/upload-languages";
import type { StoredSource } from "./sources";

export interface TranslateEstimate {
  bytes: number;
  /** Bytes × languages, summed over the sources. */
  characters: number;
  defaultLanguages: readonly string[];
  /** Sources whose metadata names their own languages. */
  ownLanguages: number;
  /** Sources whose metadata names languages the pipeline refuses: they fail, and bill nothing. */
  refused: number;
}

export async function estimateTranslation(
  sources: readonly StoredSource[],
  store: ObjectStore,
  bucket: string,
  defaultLanguages: readonly string[],
  concurrency = 16,
): Promise<TranslateEstimate> {
  const estimate = { bytes: 0, characters: 0, defaultLanguages, ownLanguages: 0, refused: 0 };
  const slots = pLimit(concurrency);
  await Promise.all(
    sources.map((source) =>
      slots(async () => {
        const metadata = (await store.head(bucket, source.key))?.metadata ?? {};
        estimate.bytes += source.size;
        try {
          // The deployment's cap on languages per upload is not known here: not applying it keeps the
          // estimate high (an upload over the cap fails and bills nothing).
          const own = requestedTargetLanguages(
            metadata[TARGET_LANGUAGES_METADATA],
            Number.POSITIVE_INFINITY,
            source.key,
          );
          if (own) estimate.ownLanguages += 1;
          estimate.characters += source.size * (own ?? defaultLanguages).length;
        } catch (error) {
          if (!(error instanceof InvalidTargetLanguagesError)) throw error;
          estimate.refused += 1;
        }
      }),
    ),
  );
  return estimate;
}
