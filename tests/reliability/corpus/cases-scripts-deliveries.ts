/**
 * The second half of the bad-input corpus: scripts and languages, keys S3 accepts but file systems dislike,
 * and deliveries that race (the same file twice, a replace or delete mid-processing).
 */
import { createHash } from "node:crypto";
import {
  type CorpusCase,
  completeWith,
  everySentenceTranslated,
  failedWith,
  keyIs,
  language,
  sentences,
  textContains,
} from "./checks";
import {
  ARABIC,
  CHINESE,
  EMOJI,
  englishArticle,
  FRENCH,
  HEBREW,
  JAPANESE,
  SPANISH,
  utf8,
} from "./text";

const ENGLISH = englishArticle(3);
/** A single-part upload's S3 ETag: the MD5 of the body. */
const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");
/** "BREAKING NEWS" in mathematical bold letters, as pasted from social media: letters, all outside the BMP. */
const ASTRAL_HEADLINE = "𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆 𝐍𝐄𝐖𝐒";

export function scriptAndDeliveryCases(): CorpusCase[] {
  return [
    {
      name: "10,000 paragraphs",
      key: "incoming/ten-thousand.txt",
      body: utf8(englishArticle(10_000, 1)),
      drop: "once",
      expected: "complete, 10,000 sentences all translated",
      verify: completeWith(sentences(10_000, 10_000), everySentenceTranslated),
    },
    {
      name: "Arabic (RTL)",
      key: "incoming/arabic.txt",
      body: utf8(ARABIC),
      drop: "once",
      expected: "complete, ar, 4 sentences",
      verify: completeWith(language("ar"), sentences(4, 4), textContains("الميناء")),
    },
    {
      name: "Hebrew (RTL)",
      key: "incoming/hebrew.txt",
      body: utf8(HEBREW),
      drop: "once",
      expected: "complete, he, 4 sentences",
      verify: completeWith(language("he"), sentences(4, 4), textContains("הנמל")),
    },
    {
      name: "Chinese (no spaces)",
      key: "incoming/chinese.txt",
      body: utf8(CHINESE),
      drop: "once",
      expected: "complete, zh, 4 sentences",
      verify: completeWith(language("zh"), sentences(4, 4), everySentenceTranslated),
    },
    {
      name: "Japanese (no spaces)",
      key: "incoming/japanese.txt",
      body: utf8(JAPANESE),
      drop: "once",
      expected: "complete, ja, 4 sentences",
      verify: completeWith(language("ja"), sentences(4, 4), everySentenceTranslated),
    },
    {
      name: "Chinese run of 40 KB with no punctuation",
      key: "incoming/chinese-run.txt",
      body: utf8("港口工人罢工要求提高工资".repeat(1200)),
      drop: "once",
      expected: "complete, one sentence cut under the 10,000-byte request limit",
      verify: completeWith(sentences(1, 1), everySentenceTranslated),
    },
    {
      name: "emoji (ZWJ families, flags, skin tones)",
      key: "incoming/emoji.txt",
      body: utf8(EMOJI),
      drop: "once",
      expected: "complete, every emoji kept",
      verify: completeWith(language("en"), textContains("👨‍👩‍👧", "🇪🇸", "💪🏽", "🚢")),
    },
    {
      name: "letters outside the BMP (math bold, CJK Ext. B)",
      key: "incoming/astral.txt",
      body: utf8(`${ASTRAL_HEADLINE}\n\n${englishArticle(1)} 𠮷野家 reopened.\n\n𠀀𠀁𠀂！`),
      drop: "once",
      expected: "complete, no sentence dropped",
      verify: completeWith(
        textContains(ASTRAL_HEADLINE, "𠀀𠀁𠀂！"),
        everySentenceTranslated,
        (out) =>
          out.article?.sentences.some((s) => s.text === ASTRAL_HEADLINE)
            ? undefined
            : `no sentence "${ASTRAL_HEADLINE}"`,
      ),
    },
    {
      name: "mixed languages",
      key: "incoming/mixed.txt",
      body: utf8(`${englishArticle(1)}\n\n${SPANISH}\n\n${FRENCH}\n\n${ARABIC}`),
      drop: "once",
      expected: "complete, one language for the article",
      verify: completeWith(language("en", "es", "fr", "ar"), textContains("huelga", "grève")),
    },
    {
      name: "key with spaces",
      key: "incoming/Harbour strike day 3.txt",
      body: utf8(ENGLISH),
      drop: "once",
      expected: "complete, key kept verbatim",
      verify: completeWith(keyIs("incoming/Harbour strike day 3.txt")),
    },
    {
      name: "key with + and %",
      key: "incoming/100% up + 5%2B more.txt",
      body: utf8(ENGLISH),
      drop: "once",
      expected: "complete, key kept verbatim",
      verify: completeWith(keyIs("incoming/100% up + 5%2B more.txt")),
    },
    {
      name: "unicode key",
      key: "incoming/Crónica del puerto — 港口 ✓.txt",
      body: utf8(ENGLISH),
      drop: "once",
      expected: "complete, key kept verbatim",
      verify: completeWith(keyIs("incoming/Crónica del puerto — 港口 ✓.txt")),
    },
    {
      name: "deep prefix",
      key: "incoming/2026/11/23/europe/ports/north/terminal-b/harbour.txt",
      body: utf8(ENGLISH),
      drop: "once",
      expected: "complete, folders kept in the article id",
      verify: completeWith(
        keyIs("incoming/2026/11/23/europe/ports/north/terminal-b/harbour.txt"),
        (out) =>
          out.manifest?.articleId.startsWith("2026/11/23/europe/ports/north/terminal-b/")
            ? undefined
            : `article id ${out.manifest?.articleId}`,
      ),
    },
    {
      name: "unsupported extension",
      key: "incoming/notes.pptx",
      body: utf8(ENGLISH),
      drop: "once",
      expected: "failed: UnsupportedFormatError",
      verify: failedWith("UnsupportedFormatError", ".pptx"),
    },
    {
      name: "no extension",
      key: "incoming/README",
      body: utf8(ENGLISH),
      drop: "once",
      expected: "failed: UnsupportedFormatError",
      verify: failedWith("UnsupportedFormatError", "no extension"),
    },
    {
      name: "same file twice at once",
      key: "incoming/dropped-twice.txt",
      body: utf8(ENGLISH),
      drop: "twice",
      expected: "complete once: one manifest, one event",
      verify: completeWith(),
    },
    {
      name: "same key replaced while processing",
      key: "incoming/replaced.txt",
      body: utf8(`First version. ${ENGLISH}`),
      replacement: utf8(`Second version. ${englishArticle(2)}`),
      drop: "replaced",
      expected: "complete for the second version only",
      verify: completeWith(
        textContains("Second version."),
        (out) =>
          out.article?.text.includes("First version.") ? "first version's text" : undefined,
        (out) =>
          out.manifest?.source.etag === md5(`Second version. ${englishArticle(2)}`)
            ? undefined
            : `manifest of version ${out.manifest?.source.etag}`,
      ),
    },
    {
      name: "delete after processing",
      key: "incoming/deleted.txt",
      body: utf8(ENGLISH),
      drop: "then-delete",
      expected: "complete; the delete event starts nothing",
      verify: completeWith(),
    },
  ];
}
