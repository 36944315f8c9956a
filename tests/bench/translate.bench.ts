/**
 * `npm run bench:translate`: the translation stage against a mocked TranslateClient (200 ms per request,
 * no AWS account needed) and real Apertium on the newstest2013 dev rows.
 * - charsRatio: characters sent ÷ translatable characters, per language (worst printed under --json);
 * - requestsOverMinimum: requests − ⌈translatable bytes / 10,000⌉, per language, worst case;
 * - latencyRatio: wall time of a 100 KB article into 5 languages ÷ the critical path at the configured
 *   concurrency (⌈all requests ÷ concurrency⌉ × 200 ms: the adapter's slots are shared by the languages);
 * - apertium: corpus chrF (sacreBLEU defaults) against the references, and English words per second.
 * `--json` prints only {"charsRatio", "requestsOverMinimum", "latencyRatio", "apertium": {"chrF", "wordsPerSec"}}.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  TranslateClient,
  TranslateTextCommand,
  type TranslateTextCommandInput,
} from "@aws-sdk/client-translate";
import { mockClient } from "aws-sdk-client-mock";
import { AmazonTranslateTranslator } from "../../shared/adapters/amazon-translate";
import { DEFAULT_TRANSLATE_CONCURRENCY, TRANSLATE_TEXT_MAX_BYTES } from "../../shared/limits";
import { codePoints, utf8Bytes } from "../../shared/translate/bytes";
import { translateArticle } from "../../shared/translate/translate-article";
import { benchArgs } from "./args";
import { evaluateApertium } from "./translate/apertium-eval";
import { syntheticArticle } from "./translate/synthetic-article";
import { transportCosts } from "./translate/transport-costs";

const HERE = dirname(fileURLToPath(import.meta.url));
const NEWSTEST = join(HERE, "..", "..", "..", "shared", "eval", "en_es_newstest2013_dev.jsonl");
const LATENCY_MS = 200;
const ARTICLE_BYTES = 100_000;
const LANGUAGES = ["es", "fr", "de", "pt", "it"];
const asJson =
  benchArgs("npm run bench:translate -- [--json]", { json: { type: "boolean" } }).json === true;

const say = (line = "") => {
  if (!asJson) process.stdout.write(`${line}\n`);
};

function table(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padStart(widths[c] ?? 0)).join("  ");
  say(line(headers));
  say(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) say(line(r));
}

async function measureAmazon() {
  const { article, summary } = syntheticArticle(ARTICLE_BYTES);
  const texts = article.sentences.map((s) => s.text);
  const translatableChars = texts.reduce((n, t) => n + codePoints(t), 0);
  const translatableBytes = texts.reduce((n, t) => n + utf8Bytes(t), 0);
  const minimumRequests = Math.ceil(translatableBytes / TRANSLATE_TEXT_MAX_BYTES);

  const mock = mockClient(TranslateClient);
  mock.on(TranslateTextCommand).callsFake(async (input: TranslateTextCommandInput) => {
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    return {
      TranslatedText: input.Text,
      SourceLanguageCode: input.SourceLanguageCode,
      TargetLanguageCode: input.TargetLanguageCode,
    };
  });
  const translator = new AmazonTranslateTranslator({
    client: new TranslateClient({ region: "us-east-1" }),
    concurrency: DEFAULT_TRANSLATE_CONCURRENCY,
    logger: { warn: () => {}, error: (...a) => console.error(...a) },
  });
  const started = performance.now();
  // As the translate stage runs them: one translateArticle per language, all sharing the adapter's slots.
  const translations = await Promise.all(
    LANGUAGES.map((targetLanguage) =>
      translateArticle({ article, summary, targetLanguage, translator }),
    ),
  );
  const wallMs = performance.now() - started;
  mock.restore();

  const perLanguage = translations.map((translation, i) => {
    const { charactersBilled, requests } = translation;
    return {
      language: LANGUAGES[i] ?? "",
      charactersBilled,
      requests,
      charsRatio: charactersBilled / translatableChars,
      requestsOverMinimum: requests - minimumRequests,
    };
  });
  const totalRequests = perLanguage.reduce((n, l) => n + l.requests, 0);
  const criticalPathMs = Math.ceil(totalRequests / DEFAULT_TRANSLATE_CONCURRENCY) * LATENCY_MS;
  return {
    article,
    texts,
    translatableChars,
    translatableBytes,
    minimumRequests,
    perLanguage,
    totalRequests,
    wallMs,
    criticalPathMs,
    latencyRatio: wallMs / criticalPathMs,
  };
}

async function main(): Promise<void> {
  const amazon = await measureAmazon();
  const charsRatio = Math.max(...amazon.perLanguage.map((l) => l.charsRatio));
  const requestsOverMinimum = Math.max(...amazon.perLanguage.map((l) => l.requestsOverMinimum));
  const apertium = await evaluateApertium(NEWSTEST);
  if (apertium.reason) console.error(`apertium figures are null: ${apertium.reason}`);

  if (asJson) {
    process.stdout.write(
      `${JSON.stringify({
        charsRatio: round(charsRatio, 4),
        requestsOverMinimum,
        latencyRatio: round(amazon.latencyRatio, 3),
        apertium: {
          chrF: apertium.chrF === null ? null : round(apertium.chrF, 2),
          wordsPerSec: apertium.wordsPerSec === null ? null : Math.round(apertium.wordsPerSec),
        },
      })}\n`,
    );
    return;
  }

  say("Amazon Translate (mocked client, 200 ms per request)");
  say(
    `article: synthetic, seeded; ${amazon.article.sentences.length} sentences, ${amazon.translatableChars} characters, ` +
      `${amazon.translatableBytes} bytes → at least ${amazon.minimumRequests} requests per language`,
  );
  say();
  table(
    ["language", "chars sent", "charsRatio", "requests", "over minimum"],
    amazon.perLanguage.map((l) => [
      l.language,
      l.charactersBilled,
      l.charsRatio.toFixed(4),
      l.requests,
      l.requestsOverMinimum,
    ]),
  );
  say();
  table(
    ["languages", "concurrency", "requests", "critical path ms", "wall ms", "latencyRatio"],
    [
      [
        LANGUAGES.length,
        DEFAULT_TRANSLATE_CONCURRENCY,
        amazon.totalRequests,
        amazon.criticalPathMs,
        Math.round(amazon.wallMs),
        amazon.latencyRatio.toFixed(3),
      ],
    ],
  );
  say("targets: charsRatio ≤ 1.03, over minimum ≤ 1, latencyRatio ≤ 1.5");
  say();
  say("Transport, by what it bills (same article, one language)");
  table(
    ["transport", "chars sent", "÷ translatable", "requests"],
    transportCosts(amazon.texts).map((c) => [
      c.transport,
      c.charactersSent,
      c.ratio.toFixed(4),
      c.requests,
    ]),
  );
  say();
  say("Apertium eng→spa on newstest2013 dev (one process for all rows)");
  if (apertium.reason) say(`not measured: ${apertium.reason}`);
  else {
    table(
      ["sentences", "words", "seconds", "words/s", "chrF"],
      [
        [
          apertium.sentences ?? 0,
          apertium.words ?? 0,
          (apertium.seconds ?? 0).toFixed(2),
          Math.round(apertium.wordsPerSec ?? 0),
          (apertium.chrF ?? 0).toFixed(2),
        ],
      ],
    );
    say(
      "(speed on a shared 2-core machine: noisy; chrF is sacreBLEU's default chrF2, corpus level)",
    );
  }
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

await main();
