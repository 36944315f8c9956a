import {
  type DomDocument,
  type DomElement,
  type DomNode,
  isElement,
  TEXT_NODE,
  tagOf,
  WRAPPERS,
} from "./dom";

/**
 * Embedded posts (Twitter's, Instagram's, TikTok's standard embed markup: a <blockquote> holding the post's
 * text) are quoted by the article. Sites wrap them in containers classed "social-…" or "embed-…", words
 * Readability takes for share bars, so the quote would go with the wrapper. A wrapper holding nothing but the
 * post is replaced by the post itself.
 */
const EMBEDDED_POST =
  "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed";

export function unwrapEmbeddedPosts(document: DomDocument): void {
  for (const post of Array.from(document.querySelectorAll(EMBEDDED_POST))) {
    let wrapper = post.parentNode as DomNode | null;
    while (wrapper !== null && isElement(wrapper) && WRAPPERS.has(tagOf(wrapper))) {
      if (soleElementChild(wrapper) === null) break;
      const outer = wrapper.parentNode as DomElement | null;
      if (outer === null) break;
      outer.insertBefore(post, wrapper);
      wrapper.remove();
      wrapper = outer;
    }
    collapseDoubleBreaks(post);
  }
}

/**
 * A post's blank lines (<br><br>) would make Readability split its paragraph into fragments that then go
 * as too short; one <br> keeps the line break and the paragraph whole.
 */
function collapseDoubleBreaks(post: DomElement): void {
  for (const br of Array.from(post.querySelectorAll("br"))) {
    let previous = previousSiblingOf(br);
    while (
      previous !== null &&
      previous.nodeType === TEXT_NODE &&
      !(previous.textContent ?? "").trim()
    ) {
      previous = previousSiblingOf(previous);
    }
    if (previous !== null && isElement(previous) && tagOf(previous) === "BR") br.remove();
  }
}

function previousSiblingOf(node: DomNode): DomNode | null {
  const siblings = node.parentNode ? Array.from(node.parentNode.childNodes) : [];
  const index = siblings.indexOf(node);
  return index > 0 ? (siblings[index - 1] as DomNode) : null;
}

/** The only element child of `element` when nothing but whitespace stands beside it; else null. */
function soleElementChild(element: DomElement): DomElement | null {
  let sole: DomElement | null = null;
  for (const child of Array.from(element.childNodes)) {
    if (isElement(child)) {
      if (sole !== null) return null;
      sole = child;
    } else if (child.nodeType === TEXT_NODE && (child.textContent ?? "").trim() !== "") {
      return null;
    }
  }
  return sole;
}
