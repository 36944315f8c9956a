/**
 * `npm run --silent bench:extract [-- --json]`: article extraction on the dev pages of
 * ../shared/eval/html-aeb (95 news and blog pages with a human-marked body), scored with the benchmark's
 * shingle metric (tests/bench/extract/shingles.ts). Two extractors side by side:
 * - the project: normalizeArticle on the page bytes; the body as a consumer gets it = every block but the
 *   title, newline-joined. A page the normalizer refuses counts as empty;
 * - plain @mozilla/readability over linkedom (UTF-8 decoded), `textContent` of its article.
 * Time: CPU milliseconds per page (user + system) of the best of several passes over all pages, the two
 * extractors alternating so both see the same machine load; the project's time is the whole normalization
 * (decode, extraction, structure, sentences, language), not the extraction alone.
 * titleMatch: share of pages whose title equals one the page states (JSON-LD headline, og:title, or <title>
 * with its trailing " | Site" / " - Site" segment dropped), read by the bench itself.
 * `--pages` lists the project's per-page scores instead, worst first.
 * With --json, stdout is the project's row: {"pages", "f1", "precision", "recall", "empty", "msPerPage",
 * "titleMatch"}, plus "readability" with the same keys.
 */
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { normalizeArticle } from "../../shared/normalize";
import { benchArgs } from "./args";
import { loadPages, type Page, pagesAvailable, titleMatches } from "./extract/pages";
import { type PageScore, scorePage, summarize } from "./extract/shingles";
import { REPO } from "./normalize-corpus";
import { formatTable } from "./table";

const FOLDER = join(REPO, "..", "shared", "eval", "html-aeb");
const PASSES = 3;

interface Extraction {
  body: string;
  title: string | null;
}

type Extractor = (page: Page) => Extraction;

const project: Extractor = (page) => {
  try {
    const article = normalizeArticle({ bytes: page.bytes, fileName: `${page.id}.html` });
    const body = article.blocks
      .filter((block) => block.type !== "title")
      .map((block) => article.text.slice(block.start, block.end))
      .join("\n");
    return { body, title: article.title };
  } catch {
    return { body: "", title: null };
  }
};

const readability: Extractor = (page) => {
  const { document } = parseHTML(new TextDecoder().decode(page.bytes));
  const article = new Readability(document as never).parse();
  return { body: article?.textContent ?? "", title: article?.title ?? null };
};

interface Row {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  empty: number;
  msPerPage: number;
  titleMatch: number;
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function evaluate(pages: Page[], extract: Extractor, bestMs: number): Row {
  const scores: PageScore[] = [];
  let empty = 0;
  let titles = 0;
  for (const page of pages) {
    const { body, title } = extract(page);
    if (!/[\p{L}\p{N}_]/u.test(body)) empty++;
    if (titleMatches(title, page)) titles++;
    scores.push(scorePage(page.truth, body));
  }
  return {
    pages: pages.length,
    ...summarize(scores),
    empty,
    msPerPage: bestMs / pages.length,
    titleMatch: titles / pages.length,
  };
}

function rounded(row: Row): Row {
  return {
    ...row,
    f1: round(row.f1),
    precision: round(row.precision),
    recall: round(row.recall),
    msPerPage: round(row.msPerPage, 1),
    titleMatch: round(row.titleMatch),
  };
}

function printTable(rows: [string, Row][]): void {
  const header = ["extractor", "pages", "F1", "precision", "recall", "empty", "ms/page", "title"];
  const body = rows.map(([name, r]) => [
    name,
    String(r.pages),
    r.f1.toFixed(3),
    r.precision.toFixed(3),
    r.recall.toFixed(3),
    String(r.empty),
    r.msPerPage.toFixed(1),
    r.titleMatch.toFixed(3),
  ]);
  console.log(formatTable(header, body));
  const [, ours] = rows[0] as [string, Row];
  const [, theirs] = rows[1] as [string, Row];
  console.log(
    `\ntime ratio project / Readability = ${(ours.msPerPage / theirs.msPerPage).toFixed(2)} (CPU ms, best of ${PASSES} passes)`,
  );
  console.log(
    "title = share of pages whose title equals a title the page states (JSON-LD headline, og:title, <title> minus its site segment)",
  );
}

/** `--pages`: the project's per-page F1, worst first, to see where it loses. */
function printPages(pages: Page[]): void {
  const rows = pages.map((page) => {
    const { body } = project(page);
    const s = scorePage(page.truth, body);
    const p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
    const r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
    return { id: page.id.slice(0, 12), f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, p, r };
  });
  rows.sort((a, b) => a.f1 - b.f1);
  for (const r of rows) {
    console.log(`${r.id}  F1 ${r.f1.toFixed(3)}  P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}`);
  }
}

function main(args: { json?: boolean; pages?: boolean }): void {
  if (!pagesAvailable(FOLDER)) {
    console.log(`bench:extract: ${FOLDER} is absent; nothing to measure.`);
    return;
  }
  const pages = loadPages(FOLDER);
  if (args.pages === true) {
    printPages(pages);
    return;
  }
  const extractors: [string, Extractor][] = [
    ["project (normalizeArticle)", project],
    ["@mozilla/readability", readability],
  ];
  const best = extractors.map(() => Number.POSITIVE_INFINITY);
  for (const [, extract] of extractors) for (const page of pages) extract(page);
  for (let pass = 0; pass < PASSES; pass++) {
    extractors.forEach(([, extract], i) => {
      const ms = cpuMs(() => {
        for (const page of pages) extract(page);
      });
      best[i] = Math.min(best[i] as number, ms);
    });
  }
  const rows = extractors.map(
    ([name, extract], i) =>
      [name, rounded(evaluate(pages, extract, best[i] as number))] as [string, Row],
  );
  if (args.json === true) {
    const [ours, theirs] = rows.map(([, row]) => row) as [Row, Row];
    console.log(JSON.stringify({ ...ours, readability: theirs }));
    return;
  }
  printTable(rows);
}

const options = benchArgs("npm run --silent bench:extract -- [--json] [--pages]", {
  json: { type: "boolean" },
  pages: { type: "boolean" },
});
main(options);
