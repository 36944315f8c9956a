import { inputErrorClass } from "../errors";

/** The file extension is not one the normalizer reads (.txt, .md, .html, .htm, .json, .docx, .pdf). */
export class UnsupportedFormatError extends inputErrorClass("UnsupportedFormatError") {}

/** The file is empty, or holds only whitespace once decoded. */
export class EmptyArticleError extends inputErrorClass("EmptyArticleError") {}

/** The bytes are a binary file (an image, a PDF, an archive, NUL bytes), not text. */
export class BinaryInputError extends inputErrorClass("BinaryInputError") {}

/** A .json file that does not parse, or whose shape is not `{title?, text|body, language?}`. */
export class InvalidJsonError extends inputErrorClass("InvalidJsonError") {}

/** A .json file with no `text` or `body`, or an HTML page where no article body could be found. */
export class NoArticleBodyError extends inputErrorClass("NoArticleBodyError") {}

/** Text remains, but not one sentence with a letter or a digit (only punctuation, only boilerplate…). */
export class NoSentenceError extends inputErrorClass("NoSentenceError") {}

/** The input is larger than the allowed maximum (`maxBytes`). */
export class InputTooLargeError extends inputErrorClass("InputTooLargeError") {}

/** A language override (JSON `language`, object metadata) that is not a language code. */
export class InvalidLanguageError extends inputErrorClass("InvalidLanguageError") {}

/** HTML nested deeper than the extractor can walk in time linear in the page's size. */
export class NestingTooDeepError extends inputErrorClass("NestingTooDeepError") {}

/** Bytes whose encoding cannot be told for sure (not UTF-8, nothing recognisable), or a BOM they contradict. */
export class UnknownEncodingError extends inputErrorClass("UnknownEncodingError") {}

/** A .docx or .pdf file its reader cannot open: damaged, or not that format under that name. */
export class UnreadableDocumentError extends inputErrorClass("UnreadableDocumentError") {}

/** A .pdf that opens only with a password: its text cannot be read. */
export class PasswordProtectedPdfError extends inputErrorClass("PasswordProtectedPdfError") {}

/** A .pdf whose pages carry no text, only images (a scan): it needs OCR first. */
export class NoTextLayerError extends inputErrorClass("NoTextLayerError") {}
