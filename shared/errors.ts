import type { ErrorType } from "./contract/error-types";

/** Errors only the command-line tools raise and print; no pipeline record ever carries them. */
export type CommandLineErrorType =
  | "UsageError"
  | "SourceFileError"
  | "MalformedDeadLetterError"
  | "MalformedRowError";

/**
 * Base of every error the pipeline raises on purpose. Anything else reaching a handler is a bug.
 * `retryable` tells the handlers whether a redelivery can help (throttling, a flaky write) or whether the
 * article needs an error record now (bad input, an unsupported language pair).
 */
export abstract class PipelineError extends Error {
  /** A literal of the contract's list, declared by each class: a class name would not survive minification. */
  abstract override readonly name: ErrorType | CommandLineErrorType;
  abstract readonly retryable: boolean;

  constructor(
    message: string,
    /** The file (source key or name) the error is about, when there is one. */
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(file ? `${file}: ${message}` : message, options);
  }
}

/** Bad input: retrying will not help; the article gets an error record. */
export abstract class InputError extends PipelineError {
  readonly retryable = false;
}
