import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { BlockType, RemovedItem } from "../../contract/article";
import { collapseWhitespace } from "../clean";
import { NoArticleBodyError } from "../errors";
import type { ParsedDocument, RawBlock } from "./types";

/** The slice of the DOM this reader touches; linkedom's nodes have it, and lib.dom is not in this project. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  remove(): void;
  getAttribute(name: string): string | null;
}
interface DomDocument {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Stripped before Readability runs: never article text, and scripts would otherwise leak into it. */
const STRIPPED: Record<string, string> = {
  script: "script",
  style: "stylesheet",
  noscript: "noscript fallback",
  template: "template",
  iframe: "embedded frame",
  svg: "inline SVG",
  canvas: "canvas",
  object: "embedded object",
  embed: "embedded object",
  nav: "navigation",
  form: "form",
  button: "button",
};
/** Text worth listing in `removed` (what a reader could have seen); the others are listed by count. */
const VISIBLE_STRIPPED = new Set(["nav", "form"]);
const MAX_REMOVED_TEXT = 300;

const BLOCK_TYPES: Record<string, BlockType> = {
  P: "paragraph",
  H1: "heading",
  H2: "heading",
  H3: "heading",
  H4: "heading",
  H5: "heading",
  H6: "heading",
  LI: "list-item",
  FIGCAPTION: "caption",
  CAPTION: "caption",
  PRE: "paragraph",
  DT: "paragraph",
  DD: "paragraph",
  TD: "paragraph",
  TH: "paragraph",
};
/** Containers whose inline text is a paragraph of its own, and whose block children are visited. */
const CONTAINERS = new Set([
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "BODY",
  "FIGURE",
  "BLOCKQUOTE",
  "UL",
  "OL",
  "DL",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "TR",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "DETAILS",
  "SUMMARY",
  "CENTER",
]);

function truncate(text: string): string {
  return text.length > MAX_REMOVED_TEXT ? `${text.slice(0, MAX_REMOVED_TEXT - 1)}…` : text;
}

/** Text of an element with its pieces kept apart ("Home", "Travel" → "Home Travel", not "HomeTravel"). */
function spacedText(node: DomNode): string {
  const pieces: string[] = [];
  const walk = (current: DomNode): void => {
    for (const child of Array.from(current.childNodes)) {
      if (child.nodeType === TEXT_NODE) pieces.push(child.textContent ?? "");
      else if (child.nodeType === ELEMENT_NODE) walk(child);
    }
  };
  walk(node);
  return collapseWhitespace(pieces.join(" "));
}

function stripMarkup(document: DomDocument, removed: RemovedItem[]): void {
  for (const [tag, label] of Object.entries(STRIPPED)) {
    const elements = Array.from(document.querySelectorAll(tag));
    if (elements.length === 0) continue;
    if (VISIBLE_STRIPPED.has(tag)) {
      for (const element of elements) {
        const text = spacedText(element);
        if (text)
          removed.push({ kind: "markup", text: truncate(text), reason: `<${tag}>: ${label}` });
      }
    } else {
      removed.push({
        kind: "markup",
        text: `<${tag}> ×${elements.length}`,
        reason: `${label} stripped`,
      });
    }
    for (const element of elements) element.remove();
  }
}

/** Walks Readability's article tree in document order, one raw block per paragraph-like element. */
function collectBlocks(root: DomNode): RawBlock[] {
  const blocks: RawBlock[] = [];
  const visit = (node: DomNode, inQuote: boolean): void => {
    let inline = "";
    const flushInline = (): void => {
      if (inline.trim()) blocks.push({ text: inline, ...(inQuote ? { type: "quote" } : {}) });
      inline = "";
    };
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        inline += child.textContent ?? "";
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const name = child.nodeName.toUpperCase();
      const type = BLOCK_TYPES[name];
      if (type) {
        flushInline();
        const text = child.textContent ?? "";
        if (text.trim()) {
          blocks.push({ text, type: inQuote && type === "paragraph" ? "quote" : type });
        }
      } else if (CONTAINERS.has(name)) {
        flushInline();
        visit(child, inQuote || name === "BLOCKQUOTE");
      } else if (name === "BR") {
        inline += "\n";
      } else if (name !== "IMG" && name !== "HR") {
        inline += child.textContent ?? "";
      }
    }
    flushInline();
  };
  visit(root, false);
  return blocks;
}

/**
 * HTML → article blocks: scripts, styles, navigation and frames are stripped (and listed), then
 * @mozilla/readability (over linkedom) finds the article body; its title is the article's title.
 */
export function readHtml(html: string, fileName: string): ParsedDocument {
  const removed: RemovedItem[] = [];
  const { document } = parseHTML(html);
  // Text without a single element parses to a document with no root, which Readability rejects untyped.
  if (!document.documentElement) {
    throw new NoArticleBodyError("holds no HTML element (plain text named .html?)", fileName);
  }
  stripMarkup(document as unknown as DomDocument, removed);
  const reader = new Readability(document as never, {
    // Keep the DOM node: serializing to HTML only to parse it again would double the cost.
    serializer: (node) => node as unknown as DomNode,
  });
  const article = reader.parse();
  const content = article?.content;
  const blocks = content ? collectBlocks(content) : [];
  if (!blocks.some((block) => block.type !== "heading" && /[\p{L}\p{N}]/u.test(block.text))) {
    throw new NoArticleBodyError("no article body found in the HTML", fileName);
  }
  const byline = collapseWhitespace(article?.byline ?? "");
  if (byline) removed.push({ kind: "boilerplate", text: byline, reason: "byline" });
  const title = collapseWhitespace(article?.title ?? "");
  return { format: "html", title: title || null, blocks, removed };
}
