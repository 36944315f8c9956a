import { describe, expect, it } from "vitest";
import { normalizeArticle, UnknownEncodingError } from "../../../shared/normalize";
import { decodeBytes } from "../../../shared/normalize/decode";
import { utf8 } from "./helpers";
import { legacyBytes } from "./legacy-bytes";

const RU =
  "Правительство объявило о новых мерах поддержки экономики. Министр финансов заявил, что бюджет будет исполнен полностью. Эксперты ждут роста цен на продукты.";
const JA =
  "東京都は月曜日、新しい交通計画を発表した。市民の生活を改善するため、鉄道とバスの運行本数を増やすという。計画は来年四月から実施される予定だ。";
const ZH =
  "北京市政府周一宣布了新的交通计划。为了改善市民生活，地铁和公交车的班次将会增加。该计划预计将于明年四月开始实施。";

function page(head: string, body: string): string {
  return `<html><head>${head}<title>Новости</title></head><body><article><p>${body}</p></article></body></html>`;
}

describe("a declared HTML charset", () => {
  it.each([
    ["<meta charset>", '<meta charset="windows-1251">', "windows-1251"],
    [
      "http-equiv Content-Type",
      '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
      "koi8-r",
    ],
    ["a label alias", "<meta charset=cp1251>", "windows-1251"],
  ])("should be honoured when given by %s", (_how, head, encoding) => {
    // Prepare
    const bytes = legacyBytes(page(head, RU), encoding);

    // Act
    const article = normalizeArticle({ bytes, fileName: "news.html" });

    // Assess
    expect(article.source.encoding).toBe(encoding);
    expect(article.text).toContain("Министр финансов заявил");
    expect(article.language.code).toBe("ru");
  });

  it("should give way to valid UTF-8 when the page was saved again as UTF-8", () => {
    // Prepare
    const bytes = utf8(page('<meta charset="windows-1251">', RU));

    // Act
    const decoded = decodeBytes(bytes, "news.html", { html: true });

    // Assess
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toContain("Министр финансов");
  });
});

describe("text with neither a BOM nor valid UTF-8", () => {
  it.each([
    ["windows-1251", RU],
    ["koi8-r", RU],
    ["shift_jis", JA],
    ["gb18030", ZH],
  ])("should be detected as %s and decoded intact", (encoding, text) => {
    // Prepare
    const bytes = legacyBytes(`${text}\n\n${text}`, encoding);

    // Act
    const decoded = decodeBytes(bytes, "article.txt");

    // Assess
    expect(decoded).toEqual({ text: `${text}\n\n${text}`, encoding });
  });

  it("should be refused with a typed error naming the file when no encoding fits", () => {
    // Prepare: bytes that are no text in any encoding (C1 controls, invalid in UTF-8)
    const bytes = new Uint8Array([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x81, 0x8d, 0x8f, 0x90, 0x9d]);

    // Act
    const act = () => decodeBytes(bytes, "incoming/odd.txt");

    // Assess
    expect(act).toThrow(UnknownEncodingError);
    expect(act).toThrow(/^incoming\/odd\.txt: .*not valid UTF-8/);
  });
});

describe("a byte order mark", () => {
  it("should be refused when UTF-8 text follows a UTF-16 LE BOM", () => {
    // Prepare
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...utf8("The port reopened on Tuesday. Ships unloaded."),
    ]);

    // Act
    const act = () => normalizeArticle({ bytes, fileName: "port.txt" });

    // Assess
    expect(act).toThrow(UnknownEncodingError);
    expect(act).toThrow(/^port\.txt: starts with a UTF-16 LE byte order mark, but .* UTF-8 text/);
  });

  it("should be refused when an odd number of bytes follows a UTF-16 BOM", () => {
    // Prepare
    const bytes = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x00]);

    // Act / Assess
    expect(() => decodeBytes(bytes, "a.txt")).toThrow(UnknownEncodingError);
  });
});
