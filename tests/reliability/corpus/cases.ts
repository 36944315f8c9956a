/**
 * The bad-input corpus: every case built in code (no committed binaries), each with the outcome a user must
 * get: complete outputs, or a failed manifest whose error record names the typed error. `verify` returns the
 * problems found (empty when the case holds), so the same checks serve the tests and docs/RELIABILITY.md.
 */
import { scriptAndDeliveryCases } from "./cases-scripts-deliveries";
import {
  CORPUS_MAX_INPUT_BYTES,
  type CorpusCase,
  completeWith,
  encoding,
  failedWith,
  language,
  sentences,
  textContains,
} from "./checks";
import { HOSTILE_HTML } from "./hostile-html";
import { binaryFile, englishArticle, latin1, MAGIC, utf8, utf16be, utf16le } from "./text";

export { type CaseOutputs, CORPUS_MAX_INPUT_BYTES, CORPUS_TARGET, type CorpusCase } from "./checks";

const ENGLISH = englishArticle(3);
const ONE_SENTENCE = "The harbour reopened on Tuesday after a three-week strike ended with a deal.";
const LATIN1_TEXT =
  "Le café du port a rouvert mardi après trois semaines de grève. Les dockers ont obtenu une hausse de salaire. La mairie s'est félicitée de l'accord signé à l'aube.";
const INVALID_UTF8 = Uint8Array.from([
  ...utf8("The harbour reopened on Tuesday. Traders said the caf"),
  0xe9, // a lone Latin-1 byte: not valid UTF-8
  0xc3, // a truncated two-byte sequence
  ...utf8(" by the quay was full again. Workers returned to the docks at dawn."),
]);

export function buildCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [
    {
      name: "empty file",
      key: "incoming/empty.txt",
      body: new Uint8Array(),
      drop: "once",
      expected: "failed: EmptyArticleError",
      verify: failedWith("EmptyArticleError", "empty"),
    },
    {
      name: "whitespace only",
      key: "incoming/whitespace.txt",
      body: utf8(" \n\t\u00a0\u2003\r\n\u200b  \n"),
      drop: "once",
      expected: "failed: EmptyArticleError",
      verify: failedWith("EmptyArticleError", "whitespace"),
    },
    {
      name: "PNG bytes named .txt",
      key: "incoming/photo.txt",
      body: binaryFile(MAGIC.png),
      drop: "once",
      expected: "failed: BinaryInputError",
      verify: failedWith("BinaryInputError", "PNG"),
    },
    {
      name: "PDF bytes named .md",
      key: "incoming/paper.md",
      body: binaryFile(MAGIC.pdf),
      drop: "once",
      expected: "failed: BinaryInputError",
      verify: failedWith("BinaryInputError", "PDF"),
    },
    {
      name: "zip bytes named .html",
      key: "incoming/archive.html",
      body: binaryFile(MAGIC.zip),
      drop: "once",
      expected: "failed: BinaryInputError",
      verify: failedWith("BinaryInputError", "ZIP"),
    },
    {
      name: "over the size limit",
      key: "incoming/huge.txt",
      body: utf8(`${"The harbour strike went on. ".repeat(CORPUS_MAX_INPUT_BYTES / 28 + 10)}`),
      drop: "once",
      expected: "failed: InputTooLargeError (before download)",
      verify: failedWith("InputTooLargeError", "over the limit"),
    },
    {
      name: "invalid UTF-8",
      key: "incoming/invalid-utf8.txt",
      body: INVALID_UTF8,
      drop: "once",
      expected: "complete, read as windows-1252",
      verify: completeWith(encoding("windows-1252"), textContains("café", "Workers returned")),
    },
    {
      name: "UTF-16 LE with BOM",
      key: "incoming/utf16le.txt",
      body: utf16le(ENGLISH),
      drop: "once",
      expected: "complete, utf-16le, text intact",
      verify: completeWith(encoding("utf-16le"), textContains("week 9.")),
    },
    {
      name: "UTF-16 BE with BOM",
      key: "incoming/utf16be.txt",
      body: utf16be(ENGLISH),
      drop: "once",
      expected: "complete, utf-16be, text intact",
      verify: completeWith(encoding("utf-16be"), textContains("week 9.")),
    },
    {
      name: "Latin-1 (no BOM)",
      key: "incoming/latin1.txt",
      body: latin1(LATIN1_TEXT),
      drop: "once",
      expected: "complete, windows-1252, accents intact",
      verify: completeWith(
        encoding("windows-1252"),
        language("fr"),
        textContains("café", "grève", "félicitée"),
      ),
    },
    {
      name: "hostile HTML (script, style, iframe, on* handlers)",
      key: "incoming/hostile.html",
      body: utf8(HOSTILE_HTML),
      drop: "once",
      expected: "complete, no live markup in any output (see security)",
      verify: completeWith(textContains("before the harbour closes"), sentences(4)),
    },
    {
      name: "HTML with no body",
      key: "incoming/no-body.html",
      body: utf8(
        "<!doctype html><html><head><title>Only a title</title><meta charset=utf-8></head></html>",
      ),
      drop: "once",
      expected: "failed: NoArticleBodyError",
      verify: failedWith("NoArticleBodyError", "body"),
    },
    {
      name: "HTML file holding plain text, no markup",
      key: "incoming/plain.html",
      body: utf8("Breaking: the harbour is closed until further notice."),
      drop: "once",
      expected: "failed: NoArticleBodyError (typed, first delivery)",
      verify: failedWith("NoArticleBodyError", "plain.html"),
    },
    {
      name: "JSON without text",
      key: "incoming/no-text.json",
      body: utf8(JSON.stringify({ title: "A headline and nothing else", language: "en" })),
      drop: "once",
      expected: "failed: NoArticleBodyError",
      verify: failedWith("NoArticleBodyError", "text"),
    },
    {
      name: "invalid JSON",
      key: "incoming/broken.json",
      body: utf8('{"title": "Harbour", "text": "The strike went on'),
      drop: "once",
      expected: "failed: InvalidJsonError",
      verify: failedWith("InvalidJsonError", "not valid JSON"),
    },
    {
      name: "punctuation only",
      key: "incoming/separators.md",
      body: utf8("* * *\n\n---\n\n... !!! ???\n"),
      drop: "once",
      expected: "failed: NoSentenceError",
      verify: failedWith("NoSentenceError", "no sentence"),
    },
    {
      name: "one-sentence article",
      key: "incoming/one-sentence.txt",
      body: utf8(ONE_SENTENCE),
      drop: "once",
      expected: "complete, 1 sentence, summary = that sentence",
      verify: completeWith(sentences(1, 1), (out) =>
        out.summary?.text === ONE_SENTENCE ? undefined : `summary "${out.summary?.text}"`,
      ),
    },
    ...scriptAndDeliveryCases(),
  ];
  return cases;
}
