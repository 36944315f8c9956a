import type { ErrorType } from "../contract/error-types";
import { InputError, PipelineError } from "../errors";

/** The engine cannot translate this pair (Amazon Translate refused it, or no Apertium pair is installed). */
export class UnsupportedLanguagePairError extends PipelineError {
  override readonly name: ErrorType = "UnsupportedLanguagePairError";
  readonly retryable = false;

  constructor(
    readonly engine: string,
    readonly sourceLanguage: string,
    readonly targetLanguage: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${engine} cannot translate ${sourceLanguage} → ${targetLanguage}: ${detail}`,
      undefined,
      options,
    );
  }
}

/** The engine answered with a different number of sentences than it was given: an engine adapter bug. */
export class TranslationMisalignedError extends PipelineError {
  override readonly name = "TranslationMisalignedError";
  readonly retryable = false;
}

/** A block or the summary names a sentence the article does not have: article.json and summary.json disagree. */
export class ArticleMisalignedError extends InputError {
  override readonly name = "ArticleMisalignedError";
}

/** The article's language is undetermined and the engine cannot detect it (Apertium needs a known pair). */
export class SourceLanguageUndeterminedError extends InputError {
  override readonly name = "SourceLanguageUndeterminedError";
}
