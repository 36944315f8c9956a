import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { RemovedItem } from "../../contract/article";
import { collapseWhitespace } from "../clean";
import { NoArticleBodyError } from "../errors";
import { collectBlocks } from "./html/blocks";
import type { DomDocument, DomNode } from "./html/dom";
import { prepareDocument } from "./html/prepare";
import { articleTitle, ownAddresses } from "./html/title";
import type { ParsedDocument, RawBlock } from "./types";

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * HTML → article blocks: scripts, styles, navigation and frames are stripped (and listed), deep wrapper
 * chains collapsed, then @mozilla/readability (over linkedom) finds the article body; its title (JSON-LD
 * headline, og:title, <title>) without the site's name is the article's title.
 */
export function readHtml(html: string, fileName: string): ParsedDocument {
  const removed: RemovedItem[] = [];
  const { document } = parseHTML(html);
  const dom = document as unknown as DomDocument;
  // Text without a single element parses to a document with no root, which Readability rejects untyped.
  if (!dom.documentElement) {
    throw new NoArticleBodyError("holds no HTML element (plain text named .html?)", fileName);
  }
  prepareDocument(dom, removed, fileName);
  // Read before Readability, which takes the head apart.
  const addresses = ownAddresses(dom);
  const reader = new Readability(document as never, {
    // Keep the DOM node: serializing to HTML only to parse it again would double the cost.
    serializer: (node) => node as unknown as DomNode,
    // Classes mark photo credits; Readability would otherwise strip them.
    keepClasses: true,
  });
  const article = reader.parse();
  const content = article?.content;
  const collected = content ? collectBlocks(content, removed) : [];
  const blocks = bodyOrHeadings(withoutOwnAddress(collected, addresses, removed));
  if (!blocks.some((block) => HAS_WORD.test(block.text))) {
    throw new NoArticleBodyError("no article body found in the HTML", fileName);
  }
  const byline = collapseWhitespace(article?.byline ?? "");
  if (byline) removed.push({ kind: "boilerplate", text: byline, reason: "byline" });
  const title = articleTitle(article?.title, article?.siteName, addresses);
  return { format: "html", title, blocks, removed };
}

/** The page's own address printed on it is a permalink widget, not text (a cited address is kept). */
function withoutOwnAddress(
  blocks: RawBlock[],
  addresses: URL[],
  removed: RemovedItem[],
): RawBlock[] {
  const own = new Set(addresses.map((url) => `${url.host}${url.pathname}`));
  if (own.size === 0) return blocks;
  return blocks.filter((block) => {
    const text = block.text.trim();
    if (!/^https?:\/\/\S+$/.test(text)) return true;
    try {
      const url = new URL(text);
      if (!own.has(`${url.host}${url.pathname}`)) return true;
    } catch {
      return true;
    }
    removed.push({ kind: "boilerplate", text, reason: "the page's own address" });
    return false;
  });
}

/** A page of headings and pictures has no paragraph: its headings are then all the text it has. */
function bodyOrHeadings(blocks: RawBlock[]): RawBlock[] {
  if (blocks.some((block) => block.type !== "heading" && HAS_WORD.test(block.text))) return blocks;
  return blocks.map((block) => ({ ...block, type: "paragraph" }));
}
