import type { RemovedItem } from "../../contract/article";
import type { RawBlock } from "./types";

/** A run of text as a PDF page places it (pdf.js text content), in the order the page draws it. */
export interface PdfTextRun {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
}

export interface PdfPage {
  height: number;
  runs: PdfTextRun[];
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** Lines printed at the very top or bottom of a page, looked at as possible running headers and footers. */
const EDGE_LINES = 2;
/** ... and only within this share of the page's height from its edge. */
const EDGE_BAND = 0.15;
/** A running header or footer repeats on at least this share of the pages (and on two at least). */
const RUNNING_SHARE = 0.5;
/** Baselines closer than this share of the font size are one line. */
const SAME_LINE = 0.5;
/** A gap between baselines over this many font sizes starts a new paragraph (leading is ~1.2). */
const PARAGRAPH_GAP = 1.5;
/** Text this much larger than the body's is a heading. */
const HEADING_SCALE = 1.15;

const PAGE_NUMBER =
  /^(?:(?:page|p\.|seite|página|pagina|pág\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|de|von|sur|di|\/)\s*\d{1,4})?$/iu;
const SENTENCE_END = /[.!?…:"”’»)\]]$/u;

/** Runs → lines, in drawing order: a run whose baseline moves starts a new line. */
function linesOf(page: PdfPage): Line[] {
  const lines: Line[] = [];
  let current: (Line & { end: number }) | undefined;
  for (const run of page.runs) {
    if (!run.text.trim()) continue;
    if (current && Math.abs(run.y - current.y) <= SAME_LINE * Math.max(run.size, current.size)) {
      const gap = run.x - current.end;
      const joined = /\s$/.test(current.text) || /^\s/.test(run.text) || gap < 0.1 * run.size;
      current.text += joined ? run.text : ` ${run.text}`;
      current.end = run.x + run.width;
      current.size = Math.max(current.size, run.size);
      continue;
    }
    current = { text: run.text, x: run.x, y: run.y, size: run.size, end: run.x + run.width };
    lines.push(current);
  }
  return lines.map(({ text, x, y, size }) => ({ text: text.trim(), x, y, size }));
}

/** "Page 3 of 12" → "page # of #": how a running line reads on every page. */
const shape = (text: string) => text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");

/** The lines at each page's top and bottom edges: where running headers, footers and page numbers sit. */
function edgeLines(lines: Line[], height: number): Set<Line> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  const top = byHeight.slice(0, EDGE_LINES).filter((l) => l.y >= height * (1 - EDGE_BAND));
  const bottom = byHeight.slice(-EDGE_LINES).filter((l) => l.y <= height * EDGE_BAND);
  return new Set([...top, ...bottom]);
}

/**
 * Running headers and footers (a line at a page's edge that recurs, digits aside, on most pages) and page
 * numbers (an edge line that is only one) are taken out of each page and listed, once per text.
 */
function withoutRunningLines(pages: { lines: Line[]; height: number }[], removed: RemovedItem[]) {
  const edges = pages.map((page) => edgeLines(page.lines, page.height));
  const pagesWith = new Map<string, number>();
  for (const edge of edges) {
    for (const s of new Set([...edge].map((line) => shape(line.text)))) {
      pagesWith.set(s, (pagesWith.get(s) ?? 0) + 1);
    }
  }
  const running = (line: Line) => {
    const count = pagesWith.get(shape(line.text)) ?? 0;
    return count >= 2 && count >= pages.length * RUNNING_SHARE;
  };
  const listed = new Set<string>();
  return pages.map((page, i) =>
    page.lines.filter((line) => {
      const edge = edges[i] as Set<Line>;
      if (!edge.has(line)) return true;
      const reason = PAGE_NUMBER.test(line.text)
        ? "page number"
        : running(line)
          ? line.y > page.height / 2
            ? "page header"
            : "page footer"
          : undefined;
      if (!reason) return true;
      if (!listed.has(`${reason}\n${line.text}`)) {
        listed.add(`${reason}\n${line.text}`);
        removed.push({ kind: "boilerplate", text: line.text, reason });
      }
      return false;
    }),
  );
}

/** The size most of the text is set in. */
function bodySize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Joins a line to the text before it; a word broken by a hyphen at the line's end keeps its hyphen. */
const joinLine = (text: string, line: string) =>
  text.endsWith("-") ? text + line : `${text} ${line}`;

/**
 * The pages' text as article blocks, in the order the pages draw it: lines set in a larger size than the
 * body's are headings, a wider gap or a change of size starts a new paragraph, and a paragraph left open at the end of
 * a page (no closing punctuation) goes on with the next page's first.
 */
export function layoutPages(pages: PdfPage[]): { blocks: RawBlock[]; removed: RemovedItem[] } {
  const removed: RemovedItem[] = [];
  const kept = withoutRunningLines(
    pages.map((page) => ({ lines: linesOf(page), height: page.height })),
    removed,
  );
  const body = bodySize(kept.flat());
  const blocks: { text: string; heading: boolean; page: number }[] = [];
  for (const [page, lines] of kept.entries()) {
    let previous: Line | undefined;
    for (const line of lines) {
      const heading = line.size >= body * HEADING_SCALE;
      const last = blocks.at(-1);
      const sameBlock =
        previous !== undefined &&
        last?.page === page &&
        Math.abs(line.size - previous.size) < 0.5 &&
        previous.y - line.y > 0 &&
        previous.y - line.y <= PARAGRAPH_GAP * line.size;
      if (sameBlock && last) last.text = joinLine(last.text, line.text);
      else if (
        !heading &&
        previous === undefined &&
        last?.heading === false &&
        last.page === page - 1 &&
        !SENTENCE_END.test(last.text)
      ) {
        last.text = joinLine(last.text, line.text);
        last.page = page;
      } else blocks.push({ text: line.text, heading, page });
      previous = line;
    }
  }
  // Body blocks are left for the structure step to type (paragraph, caption, boilerplate…), as in plain text.
  const raw = blocks.map(
    ({ text, heading }): RawBlock => (heading ? { text, type: "heading" } : { text }),
  );
  return { blocks: raw, removed };
}
