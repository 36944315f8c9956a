import type { ErrorType } from "./contract/error-types";

/** Errors only the command-line tools raise and print; no pipeline record ever carries them. */
export type CommandLineErrorType =
  | "UsageError"
  | "SourceFileError"
  | "MalformedDeadLetterError"
  | "MalformedRowError"
  | "DataDirectoryBusyError";

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

/**
 * The class of an error that needs no more than a message: it declares its type as the literal given, as every
 * PipelineError must. Extend the result to name the class (`class XError extends pipelineErrorClass("XError",
 * false) {}`), so `instanceof` and the import name stay.
 */
export function pipelineErrorClass<const N extends ErrorType>(name: N, retryable: boolean) {
  return class extends PipelineError {
    override readonly name = name;
    readonly retryable = retryable;
  };
}

/** `pipelineErrorClass` for bad input: an InputError, never retried. */
export function inputErrorClass<const N extends ErrorType>(name: N) {
  return class extends InputError {
    override readonly name = name;
  };
}
