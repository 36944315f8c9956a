import type { RemovedItem } from "../../../contract/article";
import { collapseWhitespace } from "../../clean";
import { NestingTooDeepError } from "../../errors";
import { removeInlineCards } from "./cards";
import {
  type DomDocument,
  type DomElement,
  type DomNode,
  isElement,
  TEXT_NODE,
  tagOf,
  WRAPPERS,
} from "./dom";
import { unwrapEmbeddedPosts } from "./embeds";

/**
 * Stripped before Readability runs: never article text, and scripts would otherwise leak into it. `<form>`
 * stays (some sites wrap the whole page in one, ASP.NET style); its controls go. JSON-LD stays: Readability
 * reads the headline and the site's name from it, and removes every script itself.
 */
const STRIPPED: [selector: string, label: string][] = [
  ['script:not([type="application/ld+json"])', "script"],
  ["style", "stylesheet"],
  ["noscript", "noscript fallback"],
  ["template", "template"],
  ["iframe", "embedded frame"],
  ["svg", "inline SVG"],
  ["canvas", "canvas"],
  ["object", "embedded object"],
  ["embed", "embedded object"],
  ["nav", "navigation"],
  ["button", "button"],
  ["select", "form control"],
  ["textarea", "form control"],
];
/** Text worth listing in `removed` (what a reader could have seen); the others are listed by count. */
const VISIBLE_STRIPPED = new Set(["nav"]);
const MAX_REMOVED_TEXT = 300;

/**
 * Readability's cleaning passes walk ancestors for every node, so their time grows with the square of the
 * depth or worse (2,500 nested <div>s took minutes) and deep recursion overflows the stack. Pages deeper
 * than FLATTEN_FROM have their single-child wrapper chains collapsed; what is still deeper than MAX_DEPTH
 * after that is refused. Real article pages stay far below both.
 */
const FLATTEN_FROM = 64;
export const MAX_DEPTH = 200;

function truncate(text: string): string {
  return text.length > MAX_REMOVED_TEXT ? `${text.slice(0, MAX_REMOVED_TEXT - 1)}…` : text;
}

/** Text of an element with its pieces kept apart ("Home", "Travel" → "Home Travel", not "HomeTravel"). */
export function spacedText(root: DomNode): string {
  const pieces: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node.nodeType === TEXT_NODE) pieces.push(node.textContent ?? "");
    else if (isElement(node)) {
      const children = Array.from(node.childNodes);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
    }
  }
  return collapseWhitespace(pieces.join(" "));
}

function stripMarkup(document: DomDocument, removed: RemovedItem[]): void {
  for (const [selector, label] of STRIPPED) {
    const elements = Array.from(document.querySelectorAll(selector));
    if (elements.length === 0) continue;
    const tag = selector.split(":")[0] as string;
    if (VISIBLE_STRIPPED.has(tag)) {
      for (const element of elements) {
        const text = spacedText(element);
        if (text) {
          removed.push({ kind: "markup", text: truncate(text), reason: `<${tag}>: ${label}` });
        }
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

/**
 * A section that opens with a heading the markup names as related content ("relatedpoststitle",
 * "read-next") is related content, whatever the heading says ("Você pode gostar..."). Readability would
 * drop the heading and keep the teasers under it. A section holding most of the page's text goes only when
 * a story's worth of text comes before it.
 */
const RELATED_HEADING = /related|read-?next|more-?stories|recommend/i;
const HEADINGS = "h1, h2, h3, h4, h5, h6";

const MIN_STORY_CHARS = 500;

function removeRelatedSections(document: DomDocument, removed: RemovedItem[]): void {
  const pageText = document.body?.textContent ?? "";
  for (const heading of Array.from(document.querySelectorAll(HEADINGS))) {
    const marks = `${heading.getAttribute("class") ?? ""} ${heading.getAttribute("id") ?? ""}`;
    const section = heading.parentNode as DomElement | null;
    if (!RELATED_HEADING.test(marks) || section === null || !isElement(section)) continue;
    if (firstElementChild(section) !== heading) continue;
    const text = spacedText(section);
    const before = pageText.indexOf(section.textContent ?? "");
    if (text.length * 2 > pageText.length && before < MIN_STORY_CHARS) continue;
    removed.push({ kind: "boilerplate", text: truncate(text), reason: "related-content section" });
    section.remove();
  }
}

function firstElementChild(element: DomElement): DomNode | undefined {
  return Array.from(element.childNodes).find(isElement);
}

/** Deepest element nesting under `root`, walked with an explicit stack (no recursion to overflow). */
export function maxDepth(root: DomNode): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [DomNode, number];
    if (depth > deepest) deepest = depth;
    for (const child of Array.from(node.childNodes)) {
      if (isElement(child)) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** The only child of a wrapper when it is a wrapper too, with no text beside it; else null. */
function soleWrapperChild(element: DomElement): DomElement | null {
  let sole: DomElement | null = null;
  for (const child of Array.from(element.childNodes)) {
    if (isElement(child)) {
      if (sole !== null || !WRAPPERS.has(tagOf(child))) return null;
      sole = child;
    } else if (child.nodeType === TEXT_NODE && (child.textContent ?? "").trim() !== "") {
      return null;
    }
  }
  return sole;
}

/**
 * Collapses every chain of single-child wrappers into its outermost element: the inner wrapper's children
 * move up and it goes. One pass in document order; each node moves at most once per wrapper removed.
 */
function flattenWrapperChains(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll("*"))) {
    if (!WRAPPERS.has(tagOf(element)) || element.parentNode === null) continue;
    let inner = soleWrapperChild(element);
    while (inner !== null) {
      while (inner.childNodes.length > 0) {
        element.insertBefore(inner.childNodes[0] as DomNode, inner);
      }
      inner.remove();
      inner = soleWrapperChild(element);
    }
  }
}

/** Strips what is never article text, and bounds the nesting Readability will see. */
export function prepareDocument(
  document: DomDocument,
  removed: RemovedItem[],
  fileName: string,
): void {
  stripMarkup(document, removed);
  unwrapEmbeddedPosts(document);
  removeInlineCards(document, removed);
  removeRelatedSections(document, removed);
  const root = document.documentElement as DomElement;
  if (maxDepth(root) <= FLATTEN_FROM) return;
  flattenWrapperChains(document);
  const depth = maxDepth(root);
  if (depth > MAX_DEPTH) {
    throw new NestingTooDeepError(
      `HTML elements nest ${depth} levels deep (the limit is ${MAX_DEPTH}, even after collapsing wrapper-only levels)`,
      fileName,
    );
  }
}
