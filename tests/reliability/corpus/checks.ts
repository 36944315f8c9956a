/**
 * What a corpus case may leave in the results bucket, and the checks its expected outcome is made of: each
 * returns a problem in words, or undefined when the case holds.
 */
import type { NormalizedArticle, SourceEncoding } from "../../../shared/contract/article";
import type { ErrorRecord, Manifest } from "../../../shared/contract/manifest";
import type { ArticleSummary } from "../../../shared/contract/summary";
import type { ArticleTranslation } from "../../../shared/contract/translation";

/** The ceiling the corpus stack runs with (MAX_INPUT_BYTES), so "over the limit" stays small. */
export const CORPUS_MAX_INPUT_BYTES = 2_000_000;
/** Target language of the corpus run (the mocked Amazon Translate). */
export const CORPUS_TARGET = "es";

/** What the results bucket holds for one case once the queues are idle. */
export interface CaseOutputs {
  manifest?: Manifest;
  article?: NormalizedArticle;
  summary?: ArticleSummary;
  translation?: ArticleTranslation;
  error?: ErrorRecord;
  /** Every output, by its path inside results/<id>/. */
  files: Map<string, Uint8Array>;
  /** Content-Type each output was stored with, by the same path. */
  contentTypes: Map<string, string>;
  /** "Article Processed" events for the version the manifest is about. */
  events: number;
  /** Events for other (older) versions of the same key. */
  otherVersionEvents: number;
}

export type Drop =
  /** One PUT. */
  | "once"
  /** The same bytes PUT twice at once: one article, one event. */
  | "twice"
  /** PUT, processed, then DELETE: the delete event changes nothing and starts nothing. */
  | "then-delete"
  /** PUT, then at once a PUT of `replacement` to the same key: the outputs are the second version's. */
  | "replaced";

export interface CorpusCase {
  name: string;
  key: string;
  body: Uint8Array;
  /** The second version, for drop "replaced". */
  replacement?: Uint8Array;
  drop: Drop;
  /** The outcome, in words, for the table. */
  expected: string;
  verify(out: CaseOutputs): string[];
}

export type Check = (out: CaseOutputs) => string | undefined;

export function completeWith(...checks: Check[]): CorpusCase["verify"] {
  return (out) => {
    const problems: string[] = [];
    if (out.manifest?.status !== "complete") {
      problems.push(`manifest status ${out.manifest?.status ?? "missing"}, expected complete`);
      if (out.error) problems.push(`error record: ${out.error.errorType}: ${out.error.message}`);
      return problems;
    }
    for (const file of ["article.json", "summary.json", "summary.txt", "report.html"]) {
      if (!out.files.has(file)) problems.push(`${file} missing`);
    }
    if (!out.translation) problems.push(`translations/${CORPUS_TARGET}.json missing`);
    if (out.events !== 1) problems.push(`${out.events} completion events, expected 1`);
    for (const check of checks) {
      const problem = check(out);
      if (problem) problems.push(problem);
    }
    return problems;
  };
}

export function failedWith(errorType: string, messagePart: string): CorpusCase["verify"] {
  return (out) => {
    const problems: string[] = [];
    if (out.manifest?.status !== "failed") {
      problems.push(`manifest status ${out.manifest?.status ?? "missing"}, expected failed`);
    }
    if (!out.error) return [...problems, "error.json missing"];
    if (out.error.errorType !== errorType) {
      problems.push(`error type ${out.error.errorType}, expected ${errorType}`);
    }
    // The promise of InputError: the message names the file and the problem.
    if (!out.error.message.includes(out.error.source.key)) {
      problems.push(`error message does not name the file: ${out.error.message}`);
    }
    if (!out.error.message.toLowerCase().includes(messagePart.toLowerCase())) {
      problems.push(`error message lacks "${messagePart}": ${out.error.message}`);
    }
    if (out.manifest?.outputs.error === undefined)
      problems.push("manifest does not point at error.json");
    if (out.events !== 1) problems.push(`${out.events} completion events, expected 1`);
    return problems;
  };
}

export const encoding =
  (expected: SourceEncoding): Check =>
  (out) =>
    out.article?.source.encoding === expected
      ? undefined
      : `encoding ${out.article?.source.encoding}, expected ${expected}`;

export const language =
  (...codes: string[]): Check =>
  (out) =>
    codes.includes(out.article?.language.code ?? "")
      ? undefined
      : `language ${out.article?.language.code}, expected ${codes.join(" or ")}`;

export const textContains =
  (...parts: string[]): Check =>
  (out) => {
    const missing = parts.filter((part) => !out.article?.text.includes(part));
    return missing.length ? `article text lacks ${JSON.stringify(missing)}` : undefined;
  };

export const sentences =
  (min: number, max = Number.POSITIVE_INFINITY): Check =>
  (out) => {
    const n = out.article?.sentences.length ?? 0;
    return n >= min && n <= max ? undefined : `${n} sentences, expected ${min}..${max}`;
  };

/** Every source sentence has its translation: nothing dropped between article and translation. */
export const everySentenceTranslated: Check = (out) => {
  const translated = new Map(
    out.translation?.blocks.flatMap((b) => b.sentences.map((s) => [s.id, s.text] as const)) ?? [],
  );
  const missing = (out.article?.sentences ?? []).filter((s) => !translated.get(s.id)?.trim());
  return missing.length ? `${missing.length} sentences without a translation` : undefined;
};

export function keyIs(key: string): Check {
  return (out) =>
    out.manifest?.source.key === key
      ? undefined
      : `manifest source key ${out.manifest?.source.key}`;
}
