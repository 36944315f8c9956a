import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../../shared/report";
import { loadHostileHtmlReportInput, loadSampleReportInput } from "../../browser/sample";

describe("renderReport on real pipeline output", () => {
  it("should show every sentence of the sample article once and mark exactly the summary", async () => {
    // Prepare
    const { report } = await loadSampleReportInput();

    // Act
    const { document } = parseHTML(renderReport(report));

    // Assess
    const shown = [...document.querySelectorAll("#article .s")].map((el) =>
      el.getAttribute("data-k"),
    );
    expect(shown).toEqual(report.article.sentences.map((_, k) => String(k)));
    expect(document.querySelectorAll("#article mark.s").length).toBe(
      report.summary.sentences.length,
    );
    const translated = report.translations[0]?.blocks.flatMap((b) => b.sentences).length;
    expect(document.querySelectorAll("#translation-0 td:nth-child(2) .s").length).toBe(translated);
  });

  it("should keep the escaped markup of a hostile HTML page as text", async () => {
    const report = await loadHostileHtmlReportInput();

    const { document } = parseHTML(renderReport(report));

    expect(document.querySelectorAll("script, img").length).toBe(0);
    expect(document.querySelector("h1")?.textContent).toContain("<script>");
  });
});
