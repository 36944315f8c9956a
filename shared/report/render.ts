/**
 * `report.html` for one article: the summary in context and each translation beside its source. Pure: it
 * returns a string and does no I/O. The page is self-contained (inline CSS, no script, no external request;
 * the Content-Security-Policy forbids anything else), and every piece of article text goes through the
 * auto-escaping `html` tag.
 */
import type { NormalizedArticle } from "../contract/article";
import type { Manifest } from "../contract/manifest";
import type { ArticleSummary } from "../contract/summary";
import type { ArticleTranslation } from "../contract/translation";
import { renderArticleSection, renderRemovedSection, renderSummarySection } from "./article-view";
import { html, raw, type SafeHtml } from "./html";
import { languageLabel, languageTag, textDirection } from "./language";
import { SentenceKeys } from "./sentences";
import { pairRules, REPORT_CSS } from "./styles";
import { renderTranslationSection } from "./translation-view";

export interface ReportInput {
  article: NormalizedArticle;
  summary: ArticleSummary;
  translations: ArticleTranslation[];
  manifest?: Partial<Manifest>;
}

/**
 * Most characters of article text the report shows beside translations, all languages together. Each
 * aligned table repeats the article and its translation with per-sentence markup, so without a cap the page
 * (and the memory of the function that renders it) grows with the article × the number of languages.
 * Translations past the cap show their summary and link to their `.txt` and `.json` outputs instead; the
 * report then stays within about the article, its markup and this cap, whatever the number of languages.
 */
export const REPORT_ALIGNED_CHARACTERS_CAP = 500_000;

/** `form-action` and `base-uri` do not fall back to `default-src`, so they are closed explicitly. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function metaEntry(term: string, value: SafeHtml | string): SafeHtml {
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

function renderHeader(input: ReportInput, title: string): SafeHtml {
  const { article, manifest } = input;
  const lang = languageTag(article.language.code);
  const confidence = `${Math.round(article.language.confidence * 100)}%`;
  const entries = [
    metaEntry(
      "Language",
      `${languageLabel(lang)}, ${article.language.method === "override" ? "given" : `detected (${confidence})`}`,
    ),
    metaEntry(
      "Source",
      `${article.source.name} (${article.source.format}, ${article.source.encoding})`,
    ),
    metaEntry(
      "Size",
      `${article.stats.words.toLocaleString("en")} words, ${article.stats.sentences.toLocaleString("en")} sentences`,
    ),
  ];
  if (manifest?.articleId) entries.push(metaEntry("Article id", manifest.articleId));
  if (manifest?.status) entries.push(metaEntry("Status", manifest.status));
  return html`<header>
<p class="legend">Article report</p>
<h1 lang="${lang}" dir="${textDirection(lang)}">${title}</h1>
${article.dek && html`<p class="dek" lang="${lang}" dir="${textDirection(lang)}">${article.dek}</p>`}
<dl class="meta">${entries}</dl>
</header>`;
}

function renderNav(translations: ArticleTranslation[], failed: [string, string][]): SafeHtml {
  const links = [
    html`<li><a href="#summary">Summary</a></li>`,
    html`<li><a href="#article">Article</a></li>`,
    ...translations.map(
      (t, i) => html`<li><a href="#translation-${i}">${languageLabel(t.targetLanguage)}</a></li>`,
    ),
    failed.length > 0 && html`<li><a href="#failed">Failed translations</a></li>`,
    html`<li><a href="#removed">Removed</a></li>`,
  ];
  return html`<nav aria-label="Report sections"><ul>${links}</ul></nav>`;
}

function failedLanguages(manifest: Partial<Manifest> | undefined): [string, string][] {
  return Object.entries(manifest?.languages ?? {})
    .filter(([, outcome]) => outcome.status === "failed")
    .map(([lang, outcome]) => [
      lang,
      outcome.error ? `${outcome.error.type}: ${outcome.error.message}` : "failed",
    ]);
}

function renderFailed(failed: [string, string][]): SafeHtml | false {
  return (
    failed.length > 0 &&
    html`<section id="failed" class="failed" aria-labelledby="failed-h">
<h2 id="failed-h">Failed translations</h2>
<ul>${failed.map(([lang, why]) => html`<li><strong>${languageLabel(lang)}</strong>: ${why}</li>`)}</ul>
</section>`
  );
}

/** The translations in order, aligned while the cap allows, linked to their outputs after. */
function alignedTranslations(
  input: ReportInput,
  keys: SentenceKeys,
  highlighted: ReadonlySet<string>,
): SafeHtml[] {
  const { article, translations } = input;
  let left = REPORT_ALIGNED_CHARACTERS_CAP;
  return translations.map((t, i) => {
    const aligned = article.text.length <= left;
    if (aligned) left -= article.text.length;
    return renderTranslationSection(
      article,
      t,
      i,
      keys,
      highlighted,
      aligned ? undefined : REPORT_ALIGNED_CHARACTERS_CAP,
    );
  });
}

export function renderReport(input: ReportInput): string {
  const { article, summary, translations, manifest } = input;
  const keys = new SentenceKeys(article);
  const highlighted = new Set(summary.sentences.map((s) => s.id));
  const title = article.title?.trim() || article.source.name;
  const failed = failedLanguages(manifest);
  const timings = manifest?.timings;

  const page = html`<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · report</title>
<style>${raw(REPORT_CSS)}
${raw(pairRules(keys.all))}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
${renderHeader(input, title)}
${renderNav(translations, failed)}
<main id="main">
${renderSummarySection(summary, keys, article)}
${renderArticleSection(article, keys, highlighted)}
${alignedTranslations(input, keys, highlighted)}
${renderFailed(failed)}
${renderRemovedSection(article)}
</main>
<footer>
<p>Generated by article-pipeline (schema ${article.schemaVersion})${timings?.completedAt ? html`, completed ${timings.completedAt}` : ""}. No script runs on this page.</p>
</footer>
</body>
</html>
`;
  return page.value;
}
