import type { RemovedItem } from "../../contract/article";
import type { ParsedDocument, RawBlock } from "./types";

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const FENCE = /^\s{0,3}(```|~~~)/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const QUOTE = /^\s{0,3}>\s?/;
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/;
const IMAGE_LINE = /^\s*!\[([^\]]*)\]\([^)]*\)\s*$/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

// Escaped punctuation ("\*") is parked on private-use code points while the emphasis rules run.
const ESCAPE_BASE = 0xe000;
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!>|~])/g;
const PARKED = /[\ue000-\ue07f]/g;
const HAS_PARKED = /[\ue000-\ue07f]/;

/** Inline Markdown → plain text: images keep their alt text, links their label; emphasis and code marks go. */
export function stripInline(text: string): string {
  // Text that already holds those code points keeps its escapes' backslashes rather than being corrupted.
  const park = !HAS_PARKED.test(text);
  const parked = park
    ? text.replace(ESCAPED, (_match, char: string) =>
        String.fromCharCode(ESCAPE_BASE + char.charCodeAt(0)),
      )
    : text;
  const plain = parked
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/`([^`]+)`/g, "$1")
    // Each pattern stops at its own marker character, so a paragraph is scanned in linear time.
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, "$1")
    .replace(/__(?=\S)([^_]*?\S)__/g, "$1")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
    .replace(/~~(?=\S)([^~]*?\S)~~/g, "$1");
  return park
    ? plain.replace(PARKED, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPE_BASE))
    : plain;
}

function frontMatterField(yaml: string, field: string): string | undefined {
  const match = new RegExp(`^${field}:\\s*(.+)$`, "m").exec(yaml);
  return match?.[1]?.trim().replace(/^(["'])(.*)\1$/, "$2");
}

/**
 * CommonMark-ish block reader, enough for articles: front matter (title, lang), ATX and setext headings
 * (the first level-1 heading is the title), block quotes, lists, image lines (alt text → caption),
 * paragraphs; code blocks, tables' rule lines, horizontal rules and link definitions are markup.
 */
export function readMarkdown(source: string): ParsedDocument {
  const removed: RemovedItem[] = [];
  let title: string | null = null;
  let language: string | undefined;
  let body = source;
  const front = FRONT_MATTER.exec(source);
  if (front) {
    const yaml = front[1] ?? "";
    title = frontMatterField(yaml, "title") ?? null;
    language = frontMatterField(yaml, "lang") ?? frontMatterField(yaml, "language");
    body = source.slice(front[0].length);
  }

  const blocks: RawBlock[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  let listItem: string[] | null = null;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ text: stripInline(paragraph.join("\n")) });
    if (quote.length > 0) blocks.push({ text: stripInline(quote.join("\n")), type: "quote" });
    if (listItem) blocks.push({ text: stripInline(listItem.join("\n")), type: "list-item" });
    paragraph = [];
    quote = [];
    listItem = null;
  };
  const heading = (level: number, text: string): void => {
    flush();
    const plain = stripInline(text);
    if (level === 1 && title === null && blocks.length === 0) title = plain;
    else blocks.push({ text: plain, type: "heading" });
  };

  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (FENCE.test(line)) {
      flush();
      const fence = (FENCE.exec(line)?.[1] ?? "```").slice(0, 3);
      const code: string[] = [];
      while (i + 1 < lines.length && !(lines[i + 1] as string).trim().startsWith(fence)) {
        code.push(lines[++i] as string);
      }
      i++;
      removed.push({ kind: "markup", text: code.join("\n"), reason: "code block" });
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      heading(atx[1]?.length ?? 1, atx[2] ?? "");
      continue;
    }
    if (line.trim().length === 0) {
      flush();
      continue;
    }
    const underline = lines[i + 1];
    if (
      paragraph.length === 0 &&
      quote.length === 0 &&
      !listItem &&
      underline !== undefined &&
      SETEXT_UNDERLINE.test(underline) &&
      !LIST_ITEM.test(line)
    ) {
      heading(underline.trim().startsWith("=") ? 1 : 2, line.trim());
      i++;
      continue;
    }
    if (RULE.test(line) || TABLE_RULE.test(line) || REFERENCE_DEFINITION.test(line)) {
      flush();
      continue;
    }
    const image = IMAGE_LINE.exec(line);
    if (image) {
      flush();
      const alt = image[1]?.trim();
      if (alt) blocks.push({ text: alt, type: "caption" });
      else removed.push({ kind: "markup", text: line.trim(), reason: "image without alt text" });
      continue;
    }
    if (QUOTE.test(line)) {
      if (paragraph.length > 0 || listItem) flush();
      quote.push(line.replace(QUOTE, ""));
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      listItem = [line.replace(LIST_ITEM, "")];
      continue;
    }
    if (listItem) listItem.push(line);
    else if (quote.length > 0) quote.push(line);
    else paragraph.push(line.replace(/\|/g, " "));
  }
  flush();
  return {
    format: "md",
    title,
    blocks,
    removed,
    ...(language ? { language } : {}),
  };
}
