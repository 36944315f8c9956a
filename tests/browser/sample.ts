/**
 * The "sample article" the browser test opens. Until the real normalizer, summarizer and translator are
 * committed, a built-in article made with the report test builders stands in.
 */
import type { ReportInput } from "../../shared/report";
import { buildArticle, buildSummary, buildTranslation } from "../unit/report/fixture";

export interface SampleReport {
  report: ReportInput;
  /** Where the sample came from, printed by the test. */
  origin: string;
}

export async function loadSampleReportInput(): Promise<SampleReport> {
  return { report: builtInSample(), origin: "built-in fixture (tests/browser/sample.ts)" };
}

function builtInSample(): ReportInput {
  const article = buildArticle({
    title: "River levels rise after a week of rain",
    blocks: [
      { type: "title", sentences: ["River levels rise after a week of rain"] },
      {
        type: "paragraph",
        sentences: [
          "Heavy rain fell across the valley for seven days.",
          "The river rose two metres above its usual level on Sunday.",
          "Several roads near the bridge were closed.",
        ],
      },
      { type: "heading", sentences: ["What officials said"] },
      {
        type: "paragraph",
        sentences: [
          "The mayor asked residents to stay at home.",
          "Emergency crews placed sandbags along the banks.",
        ],
      },
      { type: "quote", sentences: ['"We have never seen the water this high," a farmer said.'] },
    ],
    removed: [
      { kind: "boilerplate", text: "Share this story on social media", reason: "share links" },
    ],
  });
  const summary = buildSummary(article, ["s1", "s2", "s5"]);
  const spanish = buildTranslation(article, summary, "es", (t) => `[es] ${t}`);
  const arabic = buildTranslation(article, summary, "ar", (t) => `[ar] ${t}`);
  return { article, summary, translations: [spanish, arabic] };
}
