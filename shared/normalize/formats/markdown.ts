/**
 * Markdown → blocks, on micromark (CommonMark, through mdast-util-from-markdown) with front matter and GFM
 * tables and strikethrough. micromark does not backtrack on long runs of spaces or unclosed `[` or `<`, where
 * the regex reader it replaces took minutes; the few shapes it is not linear on are bounded first
 * (markdown-bounds.ts).
 */
import type {
  Blockquote,
  Heading,
  List,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from "mdast";
import { fromMarkdown, type Options } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import type { RemovedItem } from "../../contract/article";
import { boundMarkdownWork } from "./markdown-bounds";
import type { ParsedDocument, RawBlock } from "./types";

// Built on the first parse, not at import: in the Lambda bundle the Markdown stack is a lazy file
// (infra/aws/lazy/markdown-stack.ts), loaded by the first Markdown article only.
let options: Options | undefined;

function markdownOptions(): Options {
  options ??= {
    extensions: [frontmatter(["yaml"]), gfmTable(), gfmStrikethrough({ singleTilde: false })],
    mdastExtensions: [
      frontmatterFromMarkdown(["yaml"]),
      gfmTableFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
    ],
  };
  return options;
}

function parse(source: string): Root {
  return fromMarkdown(boundMarkdownWork(source), markdownOptions());
}

/** Inline content → plain text: images keep their alt text, links their label; emphasis, code marks and tags go. */
function plainText(nodes: readonly PhrasingContent[]): string {
  let text = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
      case "inlineCode":
        text += node.value;
        break;
      case "image":
      case "imageReference":
        text += node.alt ?? "";
        break;
      case "break":
        text += "\n";
        break;
      case "html":
      case "footnoteReference":
        break;
      default:
        if ("children" in node) text += plainText(node.children as PhrasingContent[]);
    }
  }
  return text;
}

/** Inline Markdown → plain text (one paragraph's worth; what the block reader does to each block's text). */
export function stripInline(text: string): string {
  return parse(text)
    .children.map((node) => (node.type === "paragraph" ? plainText(node.children) : ""))
    .join("\n");
}

/**
 * Raw HTML's text: each complete tag dropped. A `<` with no `>` after it ends the scan, so a run of unclosed
 * tags costs one pass, not one pass per `<`.
 */
function htmlText(html: string): string {
  let text = "";
  let at = 0;
  for (;;) {
    const open = html.indexOf("<", at);
    const close = open < 0 ? -1 : html.indexOf(">", open);
    if (close < 0) return (text + html.slice(at)).trim();
    text += html.slice(at, open);
    at = close + 1;
  }
}

function frontMatterField(yaml: string, field: string): string | undefined {
  for (const line of yaml.split("\n")) {
    if (!line.startsWith(`${field}:`)) continue;
    const value = line.slice(field.length + 1).trim();
    const quoted =
      value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0];
    return quoted ? value.slice(1, -1) : value || undefined;
  }
  return undefined;
}

/** A paragraph that is one image and nothing else: its alt text is a caption. */
function loneImage(paragraph: Paragraph): { alt: string; source: string } | undefined {
  const parts = paragraph.children.filter((n) => !(n.type === "text" && n.value.trim() === ""));
  const [image] = parts;
  if (parts.length !== 1 || (image?.type !== "image" && image?.type !== "imageReference")) {
    return undefined;
  }
  const source =
    image.type === "image" ? `![${image.alt ?? ""}](${image.url})` : `![${image.alt ?? ""}]`;
  return { alt: (image.alt ?? "").trim(), source };
}

function tableText(table: Table): string {
  return table.children
    .map((row) =>
      row.children
        .map((cell) => plainText(cell.children).trim())
        .filter(Boolean)
        .join(" "),
    )
    .filter(Boolean)
    .join("\n");
}

/** The text of a container's paragraphs (a quote, a list item), one line each; nested lists are left out. */
function containerText(children: readonly Nodes[]): string {
  const lines: string[] = [];
  for (const child of children) {
    if (child.type === "paragraph" || child.type === "heading")
      lines.push(plainText(child.children));
    else if (child.type === "blockquote") lines.push(containerText(child.children));
    else if (child.type === "html") lines.push(htmlText(child.value));
  }
  return lines.filter((line) => line.trim().length > 0).join("\n");
}

class BlockReader {
  readonly blocks: RawBlock[] = [];
  readonly removed: RemovedItem[] = [];
  title: string | null = null;
  language: string | undefined;

  read(node: RootContent): void {
    switch (node.type) {
      case "yaml":
        this.title ??= frontMatterField(node.value, "title") ?? null;
        this.language =
          frontMatterField(node.value, "lang") ?? frontMatterField(node.value, "language");
        return;
      case "heading":
        this.heading(node);
        return;
      case "paragraph":
        this.paragraph(node);
        return;
      case "blockquote":
        this.quote(node);
        return;
      case "list":
        this.list(node);
        return;
      case "table":
        this.push(tableText(node));
        return;
      case "html":
        this.push(htmlText(node.value));
        return;
      case "code":
        this.removed.push({ kind: "markup", text: node.value, reason: "code block" });
        return;
      case "footnoteDefinition":
        for (const child of node.children) this.read(child);
        return;
      default:
        // Horizontal rules and link definitions are markup with no text of their own.
        return;
    }
  }

  private push(text: string, type?: RawBlock["type"]): void {
    if (text.trim().length === 0) return;
    this.blocks.push(type ? { text, type } : { text });
  }

  private heading(node: Heading): void {
    const text = plainText(node.children).trim();
    if (node.depth === 1 && this.title === null && this.blocks.length === 0) this.title = text;
    else this.push(text, "heading");
  }

  private paragraph(node: Paragraph): void {
    const image = loneImage(node);
    if (!image) {
      this.push(plainText(node.children));
      return;
    }
    if (image.alt) this.push(image.alt, "caption");
    else
      this.removed.push({ kind: "markup", text: image.source, reason: "image without alt text" });
  }

  private quote(node: Blockquote): void {
    this.push(containerText(node.children), "quote");
  }

  private list(node: List): void {
    for (const item of node.children) {
      this.push(containerText(item.children), "list-item");
      for (const child of item.children) {
        if (child.type === "list") this.list(child);
        else if (child.type === "code") this.read(child);
      }
    }
  }
}

/**
 * Front matter (title, lang), headings (the first level-1 heading before any text is the title), block quotes,
 * list items, lone images (alt text → caption) and paragraphs; code blocks are listed as removed markup;
 * horizontal rules, link definitions and HTML tags are markup.
 */
export function readMarkdown(source: string): ParsedDocument {
  const reader = new BlockReader();
  for (const node of parse(source).children) reader.read(node);
  return {
    format: "md",
    title: reader.title,
    blocks: reader.blocks,
    removed: reader.removed,
    ...(reader.language ? { language: reader.language } : {}),
  };
}
