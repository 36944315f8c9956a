import { InputError } from "../errors";

/** A summary length that cannot be honoured (zero, negative, not a number, or a ratio above 1). */
export class InvalidSummaryLengthError extends InputError {
  override readonly name = "InvalidSummaryLengthError";
}
