/**
 * The Lambda packages replace a few modules (infra/aws/bundling.ts BUNDLE_ALIASES) and load some from their
 * lazy/ files (LAZY_PACKAGES). This builds the normalizer and the summarizer the way their Lambdas are built,
 * lazy files included, and checks they give the same results as the source.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildLambdaPackage } from "../../infra/aws/bundling";
import * as source from "../../shared/normalize";
import * as summarizer from "../../shared/summarize";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "tests/output/bundle-equivalence");

const FIXTURES = [
  "tests/fixtures/normalize/cluttered-page.html",
  "tests/fixtures/samples/harbour-strike.html",
  // Reaches the lazy Markdown stack.
  "tests/fixtures/samples/harbour-strike.md",
];

/** Style sheets in every place linkedom keeps them. */
const STYLED_PAGE = `<!doctype html><html><head><title>Harbour reopens</title>
<style>body { color: red } @media (max-width: 600px) { .ad { display: none } }</style></head>
<body><article><h1>Harbour reopens after strike</h1><style scoped>.x{}</style>
<p>The port of Kelmouth reopened on Tuesday after a week-long strike by dockworkers ended in a pay deal.</p>
<p style="color: blue">Ships that had waited in the estuary began to unload on Tuesday morning, the port said.</p>
</article></body></html>`;

let bundled: typeof source;
let bundledSummarizer: typeof summarizer;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const built = await buildLambdaPackage({
    entry: join(ROOT, "shared/normalize/index.ts"),
    outDir: join(OUT, "normalize"),
  });
  bundled = (await import(pathToFileURL(built.bundleFile).href)) as typeof source;
  const builtSummarizer = await buildLambdaPackage({
    entry: join(ROOT, "shared/summarize/index.ts"),
    outDir: join(OUT, "summarize"),
  });
  bundledSummarizer = (await import(
    pathToFileURL(builtSummarizer.bundleFile).href
  )) as typeof summarizer;
}, 120_000);

describe("normalize as bundled for Lambda", () => {
  const inputs: [string, Uint8Array][] = [
    ...FIXTURES.map((file): [string, Uint8Array] => [file, readFileSync(join(ROOT, file))]),
    ["styled.html", new TextEncoder().encode(STYLED_PAGE)],
  ];

  it.each(inputs)("should normalize %s exactly as the source does", (fileName, bytes) => {
    // Act
    const expected = source.normalizeArticle({ bytes, fileName });
    const actual = bundled.normalizeArticle({ bytes, fileName });
    // Assess
    expect(actual).toEqual(expected);
  });

  it("should fail a file without a body the same way as the source", () => {
    // Prepare
    const bytes = new TextEncoder().encode("<html><head><style>p{}</style></head></html>");
    // Act
    const run = (impl: typeof source) => {
      try {
        impl.normalizeArticle({ bytes, fileName: "empty.html" });
        return "no error";
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    // Assess
    expect(run(bundled)).toBe(run(source));
  });
});

/** A few sentences per language: stemmer and stopword list differ for each, and one language has neither. */
const SENTENCES: Record<string, string[]> = {
  en: [
    "The port of Kelmouth reopened on Tuesday after a week-long strike by dockworkers.",
    "Ships that had waited in the estuary began unloading cargo within hours.",
    "Union leaders said the agreement raised wages and limited night shifts.",
    "Exporters warned that the backlog would take weeks to clear.",
  ],
  es: [
    "El puerto de Kelmouth reabrió el martes tras una huelga de una semana de los estibadores.",
    "Los barcos que esperaban en el estuario comenzaron a descargar en pocas horas.",
    "Los dirigentes sindicales dijeron que el acuerdo subía los salarios y limitaba los turnos de noche.",
    "Los exportadores advirtieron que el retraso tardaría semanas en resolverse.",
  ],
  fr: [
    "Le port de Kelmouth a rouvert mardi après une grève d'une semaine des dockers.",
    "Les navires qui attendaient dans l'estuaire ont commencé à décharger en quelques heures.",
    "Les syndicats ont déclaré que l'accord augmentait les salaires et limitait le travail de nuit.",
    "Les exportateurs ont prévenu que le retard mettrait des semaines à se résorber.",
  ],
  de: [
    "Der Hafen von Kelmouth wurde am Dienstag nach einem einwöchigen Streik der Hafenarbeiter wieder geöffnet.",
    "Schiffe, die in der Mündung gewartet hatten, begannen innerhalb weniger Stunden mit dem Entladen.",
    "Die Gewerkschaften sagten, die Einigung erhöhe die Löhne und begrenze Nachtschichten.",
    "Exporteure warnten, dass der Rückstau Wochen dauern werde.",
  ],
  ru: [
    "Порт Келмут возобновил работу во вторник после недельной забастовки докеров.",
    "Суда, ожидавшие в устье, начали разгрузку в течение нескольких часов.",
    "Профсоюзы заявили, что соглашение повышает зарплаты и ограничивает ночные смены.",
    "Экспортёры предупредили, что на разбор завалов уйдут недели.",
  ],
  // Klingon: no stopword list, no stemmer.
  tlh: [
    "Kelmouth Duj QaQ jaj.",
    "Duj vIlegh tlhIngan Hol.",
    "Qapla' Duj Kelmouth.",
    "jaj QaQ vIlegh.",
  ],
};

describe("summarizer as bundled for Lambda", () => {
  it.each(Object.keys(SENTENCES))(
    "should score %s sentences exactly as the source does",
    (lang) => {
      // Prepare
      const texts = SENTENCES[lang] as string[];
      // Act
      const expected = summarizer.scoreBodySentences(texts, 2, lang);
      const actual = bundledSummarizer.scoreBodySentences(texts, 2, lang);
      // Assess
      expect(actual.scores).toEqual(expected.scores);
      expect(actual.analysis).toEqual(expected.analysis);
    },
  );

  it("should summarize the sample article exactly as the source does", () => {
    // Prepare
    const bytes = readFileSync(join(ROOT, "tests/fixtures/samples/harbour-strike.txt"));
    const article = source.normalizeArticle({ bytes, fileName: "harbour-strike.txt" });
    // Act
    const expected = summarizer.summarizeArticle(article);
    const actual = bundledSummarizer.summarizeArticle(article);
    // Assess
    expect(actual).toEqual(expected);
  });
});
