import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
// A tampered manifest: its error type is outside the contract on purpose.
import type { ErrorType } from "../../../shared/contract/error-types";
import { REPORT_CSP, renderReport } from "../../../shared/report";
import { buildArticle, buildSummary, buildTranslation, HOSTILE, hostileFixture } from "./fixture";

function dom(markup: string) {
  return parseHTML(markup).document;
}

describe("renderReport escaping", () => {
  const fixture = hostileFixture();
  const markup = renderReport({
    ...fixture,
    manifest: {
      articleId: `id<script>`,
      status: "partial",
      languages: {
        fr: { status: "failed", error: { type: "X<b>" as ErrorType, message: HOSTILE[1] } },
      },
    },
  });
  const document = dom(markup);

  it("should create no script, img, svg or event-handler attribute from article text", () => {
    // Assess
    expect(document.querySelectorAll("script, img, svg, iframe, object, embed").length).toBe(0);
    const handlers = [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes].map((a) => a.name).filter((name) => name.startsWith("on")),
    );
    expect(handlers).toEqual([]);
    expect(markup.toLowerCase()).not.toContain("<script");
  });

  it("should show every hostile string as text in title, sentences, removed items and translations", () => {
    const text = document.body.textContent ?? "";
    for (const hostile of HOSTILE) expect(text).toContain(hostile);
    expect(document.querySelector("h1")?.textContent).toBe(fixture.article.title);
    expect(document.querySelector("title")?.textContent).toContain(HOSTILE[4]);
    expect(document.querySelector(".removed del")?.textContent).toBe(`Subscribe ${HOSTILE[1]}`);
    expect(document.querySelector("#t0-1")?.textContent).toBe(
      `ES First ${HOSTILE[1]} here. ${HOSTILE[0]}`,
    );
    expect(document.querySelector("#failed")?.textContent).toContain(`X<b>: ${HOSTILE[1]}`);
    expect(document.querySelector(".meta")?.textContent).toContain(`evil"<b>.html`);
  });

  it("should carry a strict Content-Security-Policy and load nothing from outside", () => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute("content")).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    const hrefs = [...document.querySelectorAll("[href]")].map((el) => el.getAttribute("href"));
    expect(hrefs.every((href) => href?.startsWith("#"))).toBe(true);
    expect(document.querySelectorAll("[src], link").length).toBe(0);
    expect(markup).not.toMatch(/url\(|@import/);
  });

  it("should keep article-supplied language codes out of attributes", () => {
    // Prepare
    const { article, summary } = hostileFixture();
    const evil = buildTranslation(article, summary, `es" onmouseover="x`, (t) => t);

    // Act
    const page = dom(renderReport({ article, summary, translations: [evil] }));

    // Assess
    expect(page.querySelector("#translation-0 td:nth-child(2)")?.getAttribute("lang")).toBe("und");
  });
});

describe("renderReport highlights and alignment", () => {
  const article = buildArticle({
    title: "Rivers rise",
    blocks: [
      { type: "title", sentences: ["Rivers rise"] },
      { type: "paragraph", sentences: ["Rain fell for days.", "The river rose.", "Roads closed."] },
      { type: "list-item", sentences: ["Stay home."] },
      { type: "paragraph", sentences: ["Officials spoke."] },
    ],
    removed: [{ kind: "boilerplate", text: "Share this", reason: "social links" }],
  });
  const summary = buildSummary(article, ["s1", "s2"]);
  const es = buildTranslation(article, summary, "es", (t) => `[es] ${t}`);
  const he = buildTranslation(article, summary, "he", (t) => `[he] ${t}`);
  const markup = renderReport({ article, summary, translations: [es, he] });
  const document = dom(markup);

  it("should mark exactly the summary sentences in the article", () => {
    const marked = [...document.querySelectorAll("#article mark.s")].map((el) => el.id);
    expect(marked).toEqual(["a-1", "a-2"]);
    expect(document.querySelectorAll("#article .s").length).toBe(article.sentences.length);
  });

  it("should keep the text between sentences so each block reads as in article.json", () => {
    const paragraph = document.querySelector("#article p:not(.b-title):not(.legend)");
    expect(paragraph?.textContent).toBe("Rain fell for days. The river rose. Roads closed.");
    expect(document.querySelector("#article ul li")?.textContent).toBe("Stay home.");
  });

  it("should give each sentence, its source copy and its translations the same key and focusability", () => {
    for (const id of ["a-3", "t0-src-3", "t0-3", "t1-3"]) {
      const el = document.getElementById(id);
      expect(el?.getAttribute("data-k")).toBe("3");
      expect(el?.getAttribute("tabindex")).toBe("0");
    }
    expect(document.getElementById("t0-3")?.textContent).toBe("[es] Roads closed.");
    expect(document.getElementById("t0-3")?.classList.contains("k3")).toBe(true);
    expect(markup).toContain(`tr:has(.k3:is(:hover,:focus)) .k3{background:var(--pair)`);
  });

  it("should mark the summary sentences in both columns of each translation", () => {
    expect([...document.querySelectorAll("#translation-0 mark.s")].map((el) => el.id)).toEqual([
      "t0-src-1",
      "t0-src-2",
      "t0-1",
      "t0-2",
    ]);
  });

  it("should link each summary entry to its sentence in context", () => {
    const links = [...document.querySelectorAll("#summary a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["#a-1", "#a-2"]);
  });

  it("should put the translated summary above the aligned table", () => {
    const section = document.getElementById("translation-0");
    const children = [...(section?.children ?? [])].map((el) => el.tagName.toLowerCase());
    expect(children.indexOf("section")).toBeLessThan(children.indexOf("table"));
    const items = [...(section?.querySelectorAll("ol li") ?? [])].map((li) => li.textContent);
    expect(items).toEqual(["[es] Rain fell for days.", "[es] The river rose."]);
  });

  it("should set lang per column and dir=rtl for Hebrew", () => {
    const esCells = document.querySelectorAll("#translation-0 tbody tr:first-child td");
    expect([...esCells].map((td) => [td.getAttribute("lang"), td.getAttribute("dir")])).toEqual([
      ["en", "ltr"],
      ["es", "ltr"],
    ]);
    const heTarget = document.querySelector("#translation-1 tbody tr:first-child td:nth-child(2)");
    expect([heTarget?.getAttribute("lang"), heTarget?.getAttribute("dir")]).toEqual(["he", "rtl"]);
    expect(document.querySelector('#translation-1 section[dir="rtl"] ol')).not.toBeNull();
  });

  it("should fold removed boilerplate and strike it through", () => {
    expect(document.querySelector("#removed details del")?.textContent).toBe("Share this");
  });

  it("should provide landmarks with names", () => {
    expect(document.querySelector("header")).not.toBeNull();
    expect(document.querySelector("nav")?.getAttribute("aria-label")).toBeTruthy();
    expect(document.querySelector("main")).not.toBeNull();
    for (const section of document.querySelectorAll("main > section")) {
      expect(
        section.getAttribute("aria-labelledby") ?? section.getAttribute("aria-label"),
      ).toBeTruthy();
    }
  });
});

describe("renderReport edge cases", () => {
  it("should render every sentence once even when the offsets are wrong", () => {
    // Prepare
    const article = buildArticle({
      title: null,
      blocks: [{ type: "paragraph", sentences: ["One.", "Two."] }],
    });
    const broken = {
      ...article,
      sentences: article.sentences.map((s) => ({ ...s, start: 99, end: 1 })),
    };

    // Act
    const document = dom(
      renderReport({ article: broken, summary: buildSummary(broken, []), translations: [] }),
    );

    // Assess
    expect(document.querySelector("#article p:not(.legend)")?.textContent).toBe("One. Two.");
  });

  it("should say why the summary is empty and fall back to the file name as title", () => {
    const article = buildArticle({ title: null, name: "empty.txt", blocks: [] });
    const summary = { ...buildSummary(article, []), reason: "article has no body sentence" };

    const document = dom(renderReport({ article, summary, translations: [] }));

    expect(document.querySelector("h1")?.textContent).toBe("empty.txt");
    expect(document.querySelector("#summary")?.textContent).toContain(
      "article has no body sentence",
    );
  });
});
