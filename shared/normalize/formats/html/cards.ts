import type { RemovedItem } from "../../../contract/article";
import { collapseWhitespace } from "../../clean";
import { type DomDocument, type DomElement, type DomNode, isElement, tagOf } from "./dom";

/**
 * A hover card inside running text: a picture with a handful of links (a person's photo, name and latest
 * stories) that a script shows on mouse-over. Its text would land in the middle of the sentence that
 * names the person. Recognised by shape alone, in any language: the smallest element around an image
 * inside a paragraph that holds MIN_CARD_LINKS links and is mostly link text.
 */
const MIN_CARD_LINKS = 3;
const MIN_CARD_LINK_SHARE = 0.8;
const MAX_REMOVED_TEXT = 300;

function linkShare(element: DomElement, links: ArrayLike<DomElement>): number {
  const total = collapseWhitespace(element.textContent ?? "").length;
  if (total === 0) return 0;
  let linked = 0;
  for (const link of Array.from(links)) linked += collapseWhitespace(link.textContent ?? "").length;
  return linked / total;
}

function cardAround(image: DomElement): DomElement | null {
  let node = image.parentNode as DomNode | null;
  while (node !== null && isElement(node)) {
    const name = tagOf(node);
    if (name === "P" || name === "A") return null;
    const links = node.querySelectorAll("a");
    if (links.length >= MIN_CARD_LINKS) {
      return linkShare(node, links) >= MIN_CARD_LINK_SHARE ? node : null;
    }
    node = node.parentNode;
  }
  return null;
}

/** Removes hover cards found inside paragraphs, listing their text in `removed`. */
export function removeInlineCards(document: DomDocument, removed: RemovedItem[]): void {
  for (const image of Array.from(document.querySelectorAll("p img"))) {
    const card = cardAround(image);
    if (card === null || card.parentNode === null) continue;
    const text = collapseWhitespace(card.textContent ?? "");
    if (text)
      removed.push({
        kind: "boilerplate",
        text: text.length > MAX_REMOVED_TEXT ? `${text.slice(0, MAX_REMOVED_TEXT - 1)}…` : text,
        reason: "hover card inside a paragraph",
      });
    card.remove();
  }
}
