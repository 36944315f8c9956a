import { describe, expect, it } from "vitest";
import { InputError } from "../../../shared/errors";
import {
  BinaryInputError,
  EmptyArticleError,
  InputTooLargeError,
  InvalidJsonError,
  InvalidLanguageError,
  NoArticleBodyError,
  NoSentenceError,
  normalizeArticle,
  UnsupportedFormatError,
} from "../../../shared/normalize";
import { utf8 } from "./helpers";

type ErrorClass = abstract new (...args: never[]) => InputError;

function bytesOf(values: number[], padding = 64): Uint8Array {
  return new Uint8Array([...values, ...new Array(padding).fill(0x41)]);
}

describe("normalizeArticle on bad input", () => {
  it.each<[string, string, Uint8Array, ErrorClass, RegExp, string?]>([
    ["an unknown extension", "report.pptx", utf8("Hello there."), UnsupportedFormatError, /\.pptx/],
    [
      "no extension",
      "incoming/README",
      utf8("Hello there."),
      UnsupportedFormatError,
      /no extension/,
    ],
    ["an empty file", "empty.txt", new Uint8Array(), EmptyArticleError, /empty/],
    [
      "whitespace only",
      "blank.txt",
      utf8(" \n\t\u00a0\u200b\r\n "),
      EmptyArticleError,
      /whitespace/,
    ],
    [
      "PNG bytes",
      "photo.txt",
      bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      BinaryInputError,
      /PNG/,
    ],
    [
      "PDF bytes",
      "paper.txt",
      bytesOf([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]),
      BinaryInputError,
      /PDF/,
    ],
    ["ZIP bytes", "archive.md", bytesOf([0x50, 0x4b, 0x03, 0x04]), BinaryInputError, /ZIP/],
    ["a NUL byte", "nul.txt", utf8("Hello\u0000 world."), BinaryInputError, /NUL/],
    [
      "invalid JSON",
      "bad.json",
      utf8('{"text": "unterminated'),
      InvalidJsonError,
      /not valid JSON/,
    ],
    ["a JSON array", "list.json", utf8('["a"]'), InvalidJsonError, /array/],
    [
      "a JSON text that is not a string",
      "num.json",
      utf8('{"text": 42}'),
      InvalidJsonError,
      /"text" must be a string/,
    ],
    [
      "JSON without text",
      "notext.json",
      utf8('{"title": "Only a title"}'),
      NoArticleBodyError,
      /"text" or "body"/,
    ],
    [
      "HTML with no article body",
      "empty.html",
      utf8(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
      ),
      NoArticleBodyError,
      /no article body/,
    ],
    [
      "a text with no sentence",
      "dots.txt",
      utf8("... --- ***\n\n!!! ???"),
      NoSentenceError,
      /no sentence/,
    ],
    [
      "only boilerplate",
      "ads.txt",
      utf8("Advertisement\n\nShare this article"),
      NoSentenceError,
      /boilerplate/,
    ],
    [
      "a bad language override",
      "lang.json",
      utf8('{"text": "Hello there.", "language": "English!"}'),
      InvalidLanguageError,
      /not a language code/,
    ],
  ])(
    "should reject %s with a typed error naming the file",
    (_name, fileName, bytes, type, problem) => {
      // Act
      const act = () => normalizeArticle({ bytes, fileName });

      // Assess
      expect(act).toThrow(type);
      expect(act).toThrow(InputError);
      expect(act).toThrow(problem);
      expect(act).toThrow(new RegExp(`^${fileName.replace(/[.]/g, "\\.")}: `));
    },
  );

  it("should reject input over maxBytes before decoding it", () => {
    // Prepare
    const bytes = utf8("A sentence that is long enough. ".repeat(10));

    // Act
    const act = () => normalizeArticle({ bytes, fileName: "big.txt", maxBytes: 100 });

    // Assess
    expect(act).toThrow(InputTooLargeError);
    expect(act).toThrow(/^big\.txt: 320 bytes is over the limit of 100 bytes/);
  });

  it("should name the error class in the error's name", () => {
    try {
      normalizeArticle({ bytes: new Uint8Array(), fileName: "x.txt" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe("EmptyArticleError");
      expect((error as InputError).retryable).toBe(false);
      expect((error as InputError).file).toBe("x.txt");
    }
  });
});
