/**
 * Every `errorType` a consumer may find in `error.json`, `translations/<lang>.error.json` and a manifest's
 * failed languages, with what it means. The one list: the `ErrorType` union, the schemas' `enum`, the README's
 * table and the error classes (each declares its name as one of these literals) are checked against it.
 */
export const ERROR_TYPES = {
  UnsupportedFormatError:
    "the file extension is not one the normalizer reads (.txt, .md, .html, .htm, .json, .docx, .pdf)",
  EmptyArticleError: "the file is empty, or holds only whitespace once decoded",
  BinaryInputError: "the bytes are a binary file (an image, a PDF, an archive), not text",
  InvalidJsonError:
    "a .json file that does not parse, or whose shape is not `{title?, text|body, language?}`",
  NoArticleBodyError:
    "a .json file with no `text` or `body`, or an HTML page where no article body was found",
  NoSentenceError: "text remains, but not one sentence with a letter or a digit",
  InputTooLargeError:
    "the file, or the text a .docx or .pdf unpacks to, is over the deployment's `maxInputBytes`; or a .docx's or .pdf's compressed parts unpack to many times it (a bomb)",
  InvalidLanguageError:
    "a language override (JSON `language`, object metadata) that is not a language code",
  NestingTooDeepError: "HTML nested deeper than the extractor can walk",
  UnknownEncodingError: "bytes whose encoding cannot be told for sure, or a BOM they contradict",
  UnreadableDocumentError:
    "a .docx or .pdf file its reader cannot open: damaged, or not that format under that name",
  PasswordProtectedPdfError: "a .pdf that opens only with a password: its text cannot be read",
  NoTextLayerError: "a .pdf whose pages carry no text, only images (a scan): it needs OCR first",
  InvalidSummaryLengthError: "a summary length that cannot be honoured",
  NotAnArticleKeyError:
    "the summarize stage was handed a key that is not `results/<id>/article.json`",
  MalformedMessageError: "a queue message that is not the event or job the stage reads",
  ConfigError: "a setting is missing or malformed (a deployment mistake)",
  ArticleMisalignedError: "article.json and summary.json disagree on the article's sentences",
  SourceLanguageUndeterminedError:
    "the article's language is undetermined and the engine cannot detect it",
  UnsupportedLanguagePairError: "the engine cannot translate this language pair",
  ApertiumPairMissingError:
    "local mode: no installed Apertium pair translates this pair (the message names the package)",
  ApertiumNotInstalledError: "local mode: the `apertium` command is not on PATH",
  ApertiumProcessError: "local mode: Apertium failed, timed out or answered out of line",
  TranslationMisalignedError:
    "the engine answered with a different number of sentences than it was given",
  ChunkTooLargeError: "Amazon Translate refused a request as too big (a chunking bug)",
  SourceLanguageLowConfidenceError: "Amazon Translate could not tell the source language",
  TranslateUnavailableError: "Amazon Translate throttled or was unavailable on every delivery",
  TranslationStoppedError: "the translation was stopped before it finished, on every delivery",
  TranslationClaimedError: "another delivery held the translation job on every delivery",
  DeadlineReachedError: "the stage ran out of time on every delivery",
  JobsNotSentError: "the translate jobs could not all be queued on any delivery",
  EventNotPublishedError: "the completion event could not be published on any delivery",
  ConditionalWriteConflictError: "conditional S3 writes kept racing on every delivery",
  DeliveriesExhaustedError:
    "every delivery of the message ended without an outcome (killed, timed out or failing each time)",
  InvalidTargetLanguagesError:
    "object metadata `target-languages` that is empty, names a language the pipeline does not translate into, or more languages than `maxLanguagesPerUpload`",
  UnexpectedError:
    "anything not raised on purpose (a bug, an unclassified service error); the message starts with its original name",
} as const;

export type ErrorType = keyof typeof ERROR_TYPES;

export const ERROR_TYPE_NAMES = Object.keys(ERROR_TYPES) as ErrorType[];

export function isErrorType(name: string): name is ErrorType {
  return Object.hasOwn(ERROR_TYPES, name);
}

/** What a record carries for an error that is no PipelineError (its own name goes into the message). */
export const UNEXPECTED_ERROR: ErrorType = "UnexpectedError";
