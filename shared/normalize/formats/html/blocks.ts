import type { BlockType, RemovedItem } from "../../../contract/article";
import { collapseWhitespace } from "../../clean";
import type { RawBlock } from "../types";
import { type DomElement, type DomNode, isElement, TEXT_NODE, tagOf } from "./dom";

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
const TABLE_CELLS = new Set(["TD", "TH", "CAPTION"]);
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
/**
 * A short block whose visible text is mostly link text is a list of links (share bar, related stories,
 * tags), in any language. Longer blocks are prose even when linked (trafilatura's link-density test).
 */
const MAX_LINK_DENSITY = 0.8;
const LINK_LIST_MAX_CHARS = 300;
/**
 * A caption repeated under every photo of a gallery is kept once. Only captions: body text repeats on
 * purpose (a recipe's "Eat 60–90 minutes before your workout" under each day, table cells).
 */
const CAPTION_CLASS = /caption/i;
/** Photo credits are marked in the markup ("credit", "copyright" classes) in every language. */
const CREDIT_CLASS = /credit|copyright/i;

interface Text {
  text: string;
  linkChars: number;
  /** Parts the markup marks as a photo credit, kept apart from the caption they were glued to. */
  credits: string[];
}

const emptyText = (): Text => ({ text: "", linkChars: 0, credits: [] });

/** Text of an element, how much of it sits inside links, and its credit-marked parts taken out. */
function textOf(node: DomNode, into: Text = emptyText()): Text {
  const walk = (current: DomNode, inLink: boolean): void => {
    for (const child of Array.from(current.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const piece = child.textContent ?? "";
        into.text += piece;
        if (inLink && !CITATION.test(piece.trim())) {
          into.linkChars += piece.replace(/\s+/g, "").length;
        }
      } else if (isElement(child)) {
        const name = tagOf(child);
        if (name === "BR") into.text += "\n";
        else if (SCREEN_READER_ONLY.test(child.getAttribute("class") ?? "")) into.text += " ";
        else if (CREDIT_CLASS.test(child.getAttribute("class") ?? "")) {
          const credit = collapseWhitespace(child.textContent ?? "");
          if (credit) into.credits.push(credit);
          into.text += " ";
        } else walk(child, inLink || name === "A");
      }
    }
  };
  walk(node, tagOf(node) === "A");
  return into;
}

function isLinkList({ text, linkChars }: Text): boolean {
  const visible = text.replace(/\s+/g, "").length;
  return visible > 0 && visible <= LINK_LIST_MAX_CHARS && linkChars / visible > MAX_LINK_DENSITY;
}

/** A link whose text is an address or a handle is a citation, not navigation. */
const CITATION = /^(?:https?:\/\/|www\.|@)\S+$/;

/**
 * Page furniture marked in the markup (trafilatura's approach): class or id names, in English whatever the
 * page's language, of related-story rails, share and follow bars, newsletter boxes, tag lists, bylines and
 * timestamps, ad and recommendation widgets, photo galleries (slide counters and per-slide captions). Matched as whole name parts ("rail__item", "share-bar"), so
 * "shareholder" or "details" do not count. Only short elements: a name on the wrapper of the whole story
 * (WordPress marks it with its tags and author) must not take the story with it.
 */
const FURNITURE =
  /(?:^|[\s_-])(?:related|share|sharing|social|newsletter|subscribe|subscription|tags|rail|promo|teaser|byline|author|timestamp|dateline|outbrain|taboola|recommended|most-popular|sponsored|advert|widget|slide-?count)(?:$|[\s_-])/i;

/** Text only screen readers get ("Image caption", "Media playback is unsupported"), inline or not. */
const SCREEN_READER_ONLY =
  /(?:^|[\s_-])(?:sr-only|visually-hidden|screen-reader-text|off-?screen)(?:$|[\s_-])/i;

/** Galleries go by any name that contains the word ("inlinegallery-item", "photogallery"). */
const GALLERY = /gallery|slideshow|carousel/i;
const MAX_FURNITURE_CHARS = 500;

/** Where a block sits: inside a quote, a table, a figure or caption. */
interface Context {
  quote: boolean;
  table: boolean;
  caption: boolean;
}

function isCaptionContext(element: DomElement): boolean {
  const name = tagOf(element);
  return (
    name === "FIGURE" ||
    name === "FIGCAPTION" ||
    CAPTION_CLASS.test(element.getAttribute("class") ?? "")
  );
}

/**
 * Walks Readability's article tree in document order, one raw block per paragraph-like element. Short
 * blocks that are mostly links, photo credits and repeats of an earlier caption are listed in `removed`.
 */
export function collectBlocks(root: DomNode, removed: RemovedItem[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  const captions = new Set<string>();
  const push = (content: Text, block: Omit<RawBlock, "text">, context: Context): void => {
    const key = collapseWhitespace(content.text);
    for (const credit of content.credits) {
      removed.push({ kind: "boilerplate", text: credit, reason: "photo credit" });
    }
    if (!key) return;
    const withTable = context.table ? { ...block, inTable: true } : block;
    if (!/[\p{L}\p{N}_]/u.test(key)) {
      // "|", "•", "* * *": listed here, so the first block with words can still be found as a headline.
      removed.push({ kind: "markup", text: key, reason: "separator without words" });
    } else if (isLinkList(content)) {
      removed.push({ kind: "boilerplate", text: key, reason: "mostly links" });
    } else if (context.caption && captions.has(key)) {
      removed.push({ kind: "boilerplate", text: key, reason: "repeats an earlier caption" });
    } else {
      if (context.caption) captions.add(key);
      blocks.push({ text: content.text, ...withTable });
    }
  };
  const visit = (node: DomNode, context: Context): void => {
    let inline = emptyText();
    const flushInline = (): void => {
      if (inline.text.trim()) push(inline, context.quote ? { type: "quote" } : {}, context);
      inline = emptyText();
    };
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        inline.text += child.textContent ?? "";
        continue;
      }
      if (!isElement(child)) continue;
      const name = tagOf(child);
      const marks = `${child.getAttribute("class") ?? ""} ${child.getAttribute("id") ?? ""}`;
      const furniture =
        FURNITURE.test(marks) || GALLERY.test(marks) || SCREEN_READER_ONLY.test(marks)
          ? `page furniture (${marks.trim()})`
          : CREDIT_CLASS.test(marks)
            ? "photo credit"
            : null;
      if (furniture !== null) {
        const text = collapseWhitespace(child.textContent ?? "");
        if (text.length <= MAX_FURNITURE_CHARS) {
          flushInline();
          if (text) removed.push({ kind: "boilerplate", text, reason: furniture });
          continue;
        }
      }
      const type = BLOCK_TYPES[name];
      const inner: Context = {
        quote: context.quote || name === "BLOCKQUOTE",
        table: context.table || name === "TABLE" || TABLE_CELLS.has(name),
        caption: context.caption || isCaptionContext(child),
      };
      if (type) {
        flushInline();
        push(
          textOf(child),
          { type: context.quote && type === "paragraph" ? "quote" : type },
          inner,
        );
      } else if (CONTAINERS.has(name)) {
        flushInline();
        visit(child, inner);
      } else if (name === "BR") {
        inline.text += "\n";
      } else if (name !== "IMG" && name !== "HR") {
        textOf(child, inline);
      }
    }
    flushInline();
  };
  visit(root, { quote: false, table: false, caption: false });
  return blocks;
}
