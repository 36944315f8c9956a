/**
 * The sample article the browser test opens, through the real normalizer, summarizer and translator:
 * tests/fixtures/samples/<first>.txt, translated into Spanish by Apertium when it is installed. Where
 * Apertium is absent, an echo engine stands in and the origin says so (a report with no translation could not
 * show the alignment).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApertiumTranslator } from "../../shared/adapters/apertium";
import { normalizeArticle } from "../../shared/normalize";
import type { ReportInput } from "../../shared/report";
import { summarizeArticle } from "../../shared/summarize";
import { type Translator, translateArticle } from "../../shared/translate";

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "samples");

export interface SampleReport {
  report: ReportInput;
  /** Where the sample came from and what translated it, printed by the test. */
  origin: string;
}

const echo: Translator = {
  engine: "apertium",
  settings: { stand_in: "echo: Apertium is not installed" },
  async translateTexts(request) {
    return { texts: request.texts.map((t) => `[es] ${t}`), charactersBilled: 0, requests: 0 };
  },
};

async function spanishTranslator(): Promise<{ translator: Translator; name: string }> {
  const apertium = new ApertiumTranslator();
  try {
    await apertium.modeFor("en", "es");
    return { translator: apertium, name: "Apertium eng-spa" };
  } catch {
    return { translator: echo, name: "an echo stand-in (Apertium eng-spa is not installed)" };
  }
}

/**
 * A hostile HTML page: live script and event handlers the normalizer must drop, and escaped markup
 * (`&lt;script&gt;`) that becomes literal article text the report must show as text.
 */
export const HOSTILE_HTML = `<!doctype html><html><head>
<title>Readers report &lt;script&gt;window.__pwned = true&lt;/script&gt; in comments</title>
<script>window.__pwned = "head"</script></head>
<body onload="window.__pwned = 'body'"><nav><a href="/">Home</a></nav><article>
<h1>Readers report &lt;script&gt;window.__pwned = true&lt;/script&gt; in comments</h1>
<p>The comment page showed &lt;img src=x onerror="window.__pwned = true"&gt; as plain text. Editors said it was harmless.</p>
<p onclick="window.__pwned = 'click'">A second paragraph holds <img src=x onerror="window.__pwned = 'img'"> a live image tag
that must be dropped. <script>window.__pwned = "inline"</script>More text follows in this paragraph.</p>
<p>Officials said the site would be checked again next week, and that no reader data was exposed.</p>
</article><footer>Share this article</footer></body></html>`;

export async function loadHostileHtmlReportInput(): Promise<ReportInput> {
  const article = normalizeArticle({
    bytes: new TextEncoder().encode(HOSTILE_HTML),
    fileName: "hostile <script>.html",
  });
  const summary = summarizeArticle(article);
  const { translator } = await spanishTranslator();
  const spanish = await translateArticle({ article, summary, targetLanguage: "es", translator });
  return { article, summary, translations: [spanish] };
}

export async function loadSampleReportInput(): Promise<SampleReport> {
  const file = existsSync(SAMPLES)
    ? readdirSync(SAMPLES)
        .filter((f) => f.endsWith(".txt"))
        .sort()[0]
    : undefined;
  if (!file) throw new Error(`no sample article (*.txt) in ${SAMPLES}`);
  const article = normalizeArticle({ bytes: readFileSync(join(SAMPLES, file)), fileName: file });
  const summary = summarizeArticle(article);
  const { translator, name } = await spanishTranslator();
  const spanish = await translateArticle({ article, summary, targetLanguage: "es", translator });
  return {
    report: { article, summary, translations: [spanish] },
    origin: `tests/fixtures/samples/${file} through normalizeArticle, summarizeArticle and ${name}`,
  };
}
