import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw } from "../../../shared/report/html";
import { languageLabel, languageTag, textDirection } from "../../../shared/report/language";

describe("escapeHtml", () => {
  it("should escape the five HTML-significant characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("should escape an already escaped entity again so it shows literally", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("html tag", () => {
  it("should escape interpolated strings and numbers but not nested html", () => {
    // Prepare
    const inner = html`<b>${"<i>"}</b>`;

    // Act
    const out = html`<p title="${`"x"`}">${inner}${"<script>"}${42}</p>`.value;

    // Assess
    expect(out).toBe(`<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;script&gt;42</p>`);
  });

  it("should join arrays and drop false, null and undefined", () => {
    expect(html`${["<a>", raw("<br>")]}${false}${null}${undefined}`.value).toBe("&lt;a&gt;<br>");
  });
});

describe("language attributes", () => {
  it("should mark Arabic, Hebrew, Persian and Urdu right to left, others left to right", () => {
    expect(["ar", "he", "fa-AF", "ur"].map(textDirection)).toEqual(["rtl", "rtl", "rtl", "rtl"]);
    expect(["en", "es", "zh-TW", "und"].map(textDirection)).toEqual(["ltr", "ltr", "ltr", "ltr"]);
  });

  it("should turn anything that is not a language tag into und", () => {
    expect(languageTag(`es" onmouseover="x`)).toBe("und");
    expect(languageTag("")).toBe("und");
    expect(languageTag("pt-BR")).toBe("pt-BR");
  });

  it("should name languages in English with their code", () => {
    expect(languageLabel("es")).toBe("Spanish (es)");
    expect(languageLabel("und")).toBe("undetermined language");
  });
});
