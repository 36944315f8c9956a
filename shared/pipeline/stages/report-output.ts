/**
 * report.html, written before the manifest so the manifest can point at it. The least critical output: a
 * view of the others, never a reason to fail the article.
 */
import type { NormalizedArticle } from "../../contract/article";
import { OUTPUT_FILES } from "../../contract/keys";
import type { LanguageOutcome, Manifest } from "../../contract/manifest";
import type { ArticleSummary } from "../../contract/summary";
import type { ArticleTranslation } from "../../contract/translation";
import { renderReport } from "../../report";
import type { ArticleOutputs } from "./article-outputs";
import type { StageContext } from "./context";
import type { Delivery } from "./delivery";

/**
 * A report that cannot be rendered (a bug, never transient) is logged and left out. A store that fails is
 * transient: the PUT gets a few attempts, then the delivery fails and is retried, rather than announcing a
 * manifest without its report for good. Only the last delivery goes without it, since a manifest without a
 * report beats an article never announced. Returns the report's key, or undefined when it is left out.
 */
export async function writeReport(
  ctx: StageContext,
  outputs: ArticleOutputs,
  manifestOutputs: Manifest["outputs"],
  languages: Record<string, LanguageOutcome>,
  delivery: Delivery,
): Promise<string | undefined> {
  const started = ctx.now();
  const read = async <T>(file: string): Promise<T> => {
    const value = await outputs.readJson<T>(file);
    if (value === undefined) throw new Error(`${outputs.key(file)} is missing`);
    return value;
  };
  try {
    const [article, summary, translations] = await Promise.all([
      read<NormalizedArticle>(OUTPUT_FILES.article),
      read<ArticleSummary>(OUTPUT_FILES.summary),
      Promise.all(
        Object.keys(manifestOutputs.translations).map((lang) =>
          read<ArticleTranslation>(OUTPUT_FILES.translationJson(lang)),
        ),
      ),
    ]);
    let html: string;
    try {
      html = renderReport({
        article,
        summary,
        translations,
        manifest: { articleId: outputs.articleId, languages },
      });
    } catch (error) {
      ctx.logger.error("report.html could not be rendered; the manifest goes without it", {
        error,
      });
      return undefined;
    }
    await outputs.writeText(OUTPUT_FILES.report, html, {
      contentType: "text/html; charset=utf-8",
      retry: true,
      provenance: {
        startedAt: started.toISOString(),
        durationMs: ctx.now().getTime() - started.getTime(),
      },
    });
    return outputs.key(OUTPUT_FILES.report);
  } catch (error) {
    if (!delivery.isLast) throw error;
    ctx.logger.error(
      "report.html could not be written on the last delivery; the manifest goes without it",
      { error },
    );
    return undefined;
  }
}
