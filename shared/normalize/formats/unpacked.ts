/**
 * How much a compressed document (a .docx's zip parts, a PDF's deflated streams) may unpack to before it is
 * read. Its bytes do not bound it: a document bomb of a few hundred kilobytes inflates to gigabytes, and the
 * readers (mammoth's XML parser, pdf.js) hold what they inflate in memory, which a Lambda function dies of
 * without a word. Counted before the reader runs, the bomb is refused with a typed error instead.
 */
import { InputTooLargeError } from "../errors";

/**
 * Unpacked bytes allowed per byte of text the input limit allows. Word's XML wraps its text in a few times its
 * size (run properties, revision ids), a PDF's page streams in a few times theirs (positioning operators,
 * fonts); a bomb is hundreds of times over.
 */
export const UNPACKED_PER_TEXT_BYTE = 16;

export function unpackedBudget(maxBytes: number): number {
  return UNPACKED_PER_TEXT_BYTE * maxBytes;
}

/**
 * The refusal of a document whose compressed parts unpack past `budget`; `images`: a PDF's image streams,
 * which count apart against `times` × UNPACKED_PER_TEXT_BYTE × the input limit.
 */
export function unpackedTooLarge(
  format: "docx" | "pdf",
  budget: number,
  fileName: string,
  images?: { times: number },
): InputTooLargeError {
  const what = images ? "its images unpack" : "unpacks";
  const most = UNPACKED_PER_TEXT_BYTE * (images?.times ?? 1);
  return new InputTooLargeError(
    `${what} to more than ${budget} bytes (a .${format} may unpack to at most ${most} times the input limit${images ? " in images" : ""}); it is refused without being read further`,
    fileName,
  );
}
