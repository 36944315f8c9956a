/**
 * The dev pages of ../shared/eval/html-aeb (gzip HTML + ground-truth.json) and the titles each page states,
 * read independently of the normalizer so the title check does not grade the code with itself.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";

export interface Page {
  id: string;
  bytes: Uint8Array;
  truth: string;
  /** Titles the page states: JSON-LD headline, og:title, and <title> with its site segment dropped. */
  titles: string[];
}

export function pagesAvailable(folder: string): boolean {
  return existsSync(join(folder, "ground-truth.json")) && existsSync(join(folder, "html"));
}

export function loadPages(folder: string): Page[] {
  const truth = JSON.parse(readFileSync(join(folder, "ground-truth.json"), "utf8")) as Record<
    string,
    { articleBody: string }
  >;
  return readdirSync(join(folder, "html"))
    .filter((name) => name.endsWith(".html.gz"))
    .sort()
    .map((name) => {
      const id = name.slice(0, -".html.gz".length);
      const bytes = new Uint8Array(gunzipSync(readFileSync(join(folder, "html", name))));
      return { id, bytes, truth: truth[id]?.articleBody ?? "", titles: statedTitles(bytes) };
    });
}

const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();
/** " | Site", " - Site", " – Site", " — Site", " :: Site", " · Site" at the end of a <title>. */
const SITE_SEGMENT = /\s+(?:[|\-–—·]|::)\s+[^|\-–—·]+$/u;

interface Node {
  textContent: string | null;
  getAttribute(name: string): string | null;
}

function headlines(value: unknown, found: string[]): void {
  if (Array.isArray(value)) for (const item of value) headlines(item, found);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "headline" && typeof inner === "string") found.push(collapse(inner));
      else headlines(inner, found);
    }
  }
}

function statedTitles(bytes: Uint8Array): string[] {
  const { document } = parseHTML(new TextDecoder().decode(bytes));
  const doc = document as unknown as { querySelectorAll(s: string): ArrayLike<Node> };
  const found: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      headlines(JSON.parse(script.textContent ?? ""), found);
    } catch {
      // A page's broken JSON-LD states nothing.
    }
  }
  for (const meta of Array.from(doc.querySelectorAll('meta[property="og:title"]'))) {
    found.push(collapse(meta.getAttribute("content") ?? ""));
  }
  const title = collapse(Array.from(doc.querySelectorAll("title"))[0]?.textContent ?? "");
  if (title) found.push(title.replace(SITE_SEGMENT, ""));
  return [...new Set(found.filter(Boolean))];
}

export function titleMatches(title: string | null | undefined, page: Page): boolean {
  return title != null && page.titles.includes(collapse(title));
}
