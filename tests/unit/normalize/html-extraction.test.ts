import { describe, expect, it } from "vitest";
import { normalizeArticle } from "../../../shared/normalize";
import { blockTexts, utf8 } from "./helpers";

const BODY = [
  "The port reopened on Tuesday after a week-long strike by dockworkers over pay, and the first ships began to unload at dawn.",
  "Union leaders said the agreement, reached late on Monday, raises wages by six percent over two years and limits night shifts.",
  "Shipping companies, which had diverted dozens of vessels to other harbours, said it would take a fortnight to clear the backlog.",
  "Local shops, short of fresh produce for days, expect the first deliveries by Thursday, according to the chamber of commerce.",
];
const paragraphs = (texts: string[]): string => texts.map((text) => `<p>${text}</p>`).join("");

function read(html: string, fileName = "page.html") {
  return normalizeArticle({ bytes: utf8(html), fileName });
}

describe("HTML extraction", () => {
  it("should read a page that sits inside one <form>", () => {
    // Act
    const article = read(
      `<html><body><form method="post" action="/page"><div id="main"><article><h1>Harbour strike ends</h1>${paragraphs(BODY)}</article></div></form></body></html>`,
    );

    // Assess
    expect(article.stats.paragraphs).toBe(4);
  });

  it("should take the title from the JSON-LD headline, without the site's name", () => {
    // Prepare
    const jsonLd = JSON.stringify({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Harbour strike ends after a week - BBC News",
      publisher: { "@type": "Organization", name: "BBC News" },
    });

    // Act
    const article = read(
      `<html><head><title>Strike over | Home</title><script type="application/ld+json">${jsonLd}</script></head><body><article>${paragraphs(BODY)}</article></body></html>`,
    );

    // Assess
    expect(article.title).toBe("Harbour strike ends after a week");
  });

  it.each([
    [
      "og:site_name",
      '<meta property="og:site_name" content="The Harbour Times">',
      "The Harbour Times",
    ],
    ["the page's host", '<link rel="canonical" href="https://www.thehill.com/news/1">', "TheHill"],
  ])("should drop a site suffix from og:title named by %s", (_how, meta, site) => {
    // Act
    const article = read(
      `<html><head><meta property="og:title" content="Harbour strike ends | ${site}">${meta}</head><body><article>${paragraphs(BODY)}</article></body></html>`,
    );

    // Assess
    expect(article.title).toBe("Harbour strike ends");
  });

  it("should keep the article after a table cell reading Comment", () => {
    // Prepare: the cell sits in the article's second half, where a footer marker would end it
    const table =
      "<table><tr><th>Feature</th><th>Comment</th></tr><tr><td>Sync</td><td>Comment</td></tr></table>";

    // Act
    const article = read(
      `<html><body><article>${paragraphs(BODY.slice(0, 2))}${table}${paragraphs(BODY.slice(2))}</article></body></html>`,
    );

    // Assess
    expect(article.text).toContain(BODY[3]);
    expect(article.text).toContain("Comment");
  });

  it("should drop a share bar of links in any language and list it as removed", () => {
    // Act
    const article = read(
      `<html><body><article>${paragraphs(BODY.slice(0, 2))}<p><a href="/w">Whatsapp</a> <a href="/f">Facebook</a> <a href="/p">Pint</a> <a href="/d">Baixar</a></p>${paragraphs(BODY.slice(2))}</article></body></html>`,
    );

    // Assess
    expect(article.text).not.toContain("Whatsapp");
    expect(article.removed).toContainEqual({
      kind: "boilerplate",
      text: "Whatsapp Facebook Pint Baixar",
      reason: "mostly links",
    });
  });

  it("should keep a caption repeated under every photo once, without its screen-reader label and photo credit", () => {
    // Prepare
    const caption = "Dockworkers return to the quay at dawn on Tuesday after the strike";
    const figure = `<figure><img src="quay.jpg"><figcaption><span class="visually-hidden">Legenda da imagem</span><span>${caption}</span><span class="image-credit">Foto: Agência Porto</span></figcaption></figure>`;

    // Act
    const article = read(
      `<html><body><article>${paragraphs(BODY.slice(0, 2))}${figure}${figure}${figure}${paragraphs(BODY.slice(2))}</article></body></html>`,
    );

    // Assess
    expect(blockTexts(article, "caption")).toEqual([caption]);
    expect(
      article.removed.filter((item) => item.reason === "repeats an earlier caption"),
    ).toHaveLength(2);
    expect(article.removed).toContainEqual({
      kind: "boilerplate",
      text: "Foto: Agência Porto",
      reason: "photo credit",
    });
  });

  it("should drop related-story rails, timestamps and galleries marked in the markup, in any language", () => {
    // Prepare
    const furniture =
      '<div class="rail__item"><h3>URGENTE</h3><p>Prefeito anuncia novo plano de transporte para a cidade</p></div><p class="timestamp">Atualizado há duas horas</p><div class="inlinegallery-item"><span>1 de 3</span><figure><img src="a.jpg"><figcaption>Galeria: o porto reaberto</figcaption></figure></div>';

    // Act
    const article = read(
      `<html><body><article>${paragraphs(BODY.slice(0, 2))}${furniture}${paragraphs(BODY.slice(2))}</article></body></html>`,
    );

    // Assess
    expect(article.text).not.toMatch(/URGENTE|Prefeito|Atualizado|Galeria/);
    expect(article.removed).toContainEqual({
      kind: "boilerplate",
      text: "Atualizado há duas horas",
      reason: "page furniture (timestamp)",
    });
    expect(article.stats.paragraphs).toBe(4);
  });

  it("should drop a section opened by a heading the markup names as related content", () => {
    // Prepare: the teasers under "Você pode gostar..." are longer than the story itself
    const teasers = paragraphs(BODY.map((text) => text.replace("port", "airport")));
    const related = `<section><h3 class="relatedpoststitle">Você pode gostar...</h3>${teasers}${teasers}</section>`;

    // Act
    const article = read(
      `<html><body><article>${paragraphs(BODY)}</article>${related}</body></html>`,
    );

    // Assess
    expect(article.text).not.toContain("airport");
    expect(article.stats.paragraphs).toBe(4);
  });

  it("should drop the page's own address printed on it, and keep an address it cites", () => {
    // Prepare
    const own = "https://news.example.com/harbour/strike-ends-1234.html";
    const cited = "https://port.example.org/agreement.pdf";

    // Act
    const article = read(
      `<html><head><link rel="canonical" href="${own}"></head><body><article><p>${own}</p>${paragraphs(BODY)}<p>${cited}</p></article></body></html>`,
    );

    // Assess
    expect(article.text).not.toContain(own);
    expect(article.text).toContain(cited);
  });

  it("should keep copyright lines, 'Click here' lines and ___ separators that are part of the body", () => {
    // Prepare
    const lines = [
      "Click here to read the full agreement between the union and the port authority.",
      "___",
      "© 2019 Associated Press. All rights reserved. This material may not be published.",
    ];

    // Act
    const article = read(
      `<html><body><article>${paragraphs(BODY.slice(0, 3))}${paragraphs(lines)}${paragraphs(BODY.slice(3))}</article></body></html>`,
    );

    // Assess
    for (const line of lines) expect(article.text).toContain(line);
  });

  it("should give the headings of a page that holds only headings and images", () => {
    // Act
    const article = read(
      '<html><head><title>Gallery</title></head><body><article><h2>Autumn colours in the harbour park</h2><img src="a.jpg"><h2>Winter light over the frozen lake</h2><img src="b.jpg"></article></body></html>',
    );

    // Assess
    expect(article.text).toContain("Autumn colours in the harbour park");
    expect(article.text).toContain("Winter light over the frozen lake");
    expect(article.stats.paragraphs).toBe(2);
  });
});

describe("date lines", () => {
  it.each([
    "sexta-feira, 22 de outubro de 2010 às 20:13",
    "19.11.2019, 08:57",
    "November 19, 2019 at 9:45 am",
  ])("should remove %s as a timestamp line in any language", (line) => {
    // Act
    const article = normalizeArticle({
      bytes: utf8(`Harbour strike ends\n\n${line}\n\n${BODY.join("\n\n")}`),
      fileName: "a.txt",
    });

    // Assess
    expect(article.text).not.toContain(line);
    expect(article.removed).toContainEqual(expect.objectContaining({ text: line }));
  });

  it("should keep a sentence that mentions a date", () => {
    // Act
    const article = normalizeArticle({
      bytes: utf8(`Harbour strike ends\n\nThe strike began on 12 March 2019.\n\n${BODY[0]}`),
      fileName: "a.txt",
    });

    // Assess
    expect(article.text).toContain("The strike began on 12 March 2019.");
  });
});
