import { type BlockType, isBodyBlock, type RemovedItem } from "../contract/article";
import { hasUppercase } from "../text/case";
import { matchBoilerplate } from "./boilerplate";
import { collapseWhitespace } from "./clean";
import type { ParsedDocument, RawBlock } from "./formats/types";

export interface TypedBlock {
  type: BlockType;
  /** One line: whitespace collapsed. */
  text: string;
}

export interface ArticleStructure {
  title: string | null;
  dek: string | null;
  blocks: TypedBlock[];
  removed: RemovedItem[];
  /** Whether any block has an uppercase letter: false for lowercased text, which the segmenter reads apart. */
  cased: boolean;
}

/** A headline is short, one line, and not closed like a sentence ("." ":" ";" ","), though "?" and "!" may end it. */
const MAX_HEADLINE_WORDS = 30;
const MAX_HEADLINE_CHARS = 250;
/** Sub-headings are shorter still; a longer unpunctuated line in the body is a photo caption. */
const MAX_HEADING_WORDS = 12;
const MAX_CAPTION_WORDS = 60;
/** Share of the shorter headline's words found in the longer one. */
const DUPLICATE_HEADLINE = 0.8;
const RELATED_HEADLINE = 0.5;
const MIN_HEADLINE_SIZE_RATIO = 0.4;
/** A footer marker ("Before You Go", "Related stories") ends the article only in its second half. */
const FOOTER_FROM = 0.5;

const SENTENCE_MARKS = ".!?…。！？؟۔।";
const SENTENCE_CLOSERS = "\"”’'»)]";
const CLAUSE_MARKS = ".:;,";
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Ends with a sentence mark and any closing quotes or brackets: /[.!?…][”’»)]*$/ read from the end, as a
 * regex anchored at the end would scan the whole block to find it.
 */
function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && SENTENCE_CLOSERS.includes(text.charAt(i))) i--;
  return i >= 0 && SENTENCE_MARKS.includes(text.charAt(i));
}

function endsLikeClause(text: string): boolean {
  return text.length > 0 && CLAUSE_MARKS.includes(text.charAt(text.length - 1));
}

/** Words, counted up to `limit` + 1: a long paragraph is not read to the end to learn it is over a limit. */
function wordCount(text: string, limit: number): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (count <= limit && WORD.test(text)) count++;
  return count;
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** Share of the smaller word set found in the larger one (1 = one headline is contained in the other). */
export function headlineOverlap(a: string, b: string): number {
  const [small, large] = [wordSet(a), wordSet(b)].sort((x, y) => x.size - y.size) as [
    Set<string>,
    Set<string>,
  ];
  // A three-word sub-heading whose words all occur in a long title is not a second headline.
  if (small.size === 0 || small.size < large.size * MIN_HEADLINE_SIZE_RATIO) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size;
}

function isHeadlineLike(text: string): boolean {
  if (text.length > MAX_HEADLINE_CHARS || endsLikeClause(text)) return false;
  const words = wordCount(text, MAX_HEADLINE_WORDS);
  return words > 0 && words <= MAX_HEADLINE_WORDS;
}

function firstLetterIsUpper(text: string): boolean {
  const letter = /\p{L}/u.exec(text);
  return letter !== null && letter[0] !== letter[0].toLowerCase();
}

/** Types a block the format left untyped, from its shape alone. */
function inferType(text: string, cased: boolean): BlockType {
  if (endsLikeSentence(text) || endsLikeClause(text)) return "paragraph";
  const words = wordCount(text, MAX_CAPTION_WORDS);
  if (words <= MAX_HEADING_WORDS && (!cased || firstLetterIsUpper(text))) return "heading";
  if (words <= MAX_CAPTION_WORDS) return "caption";
  return "paragraph";
}

interface Candidate {
  text: string;
  type: BlockType | undefined;
  /** How many removed items come before this block: lets a later removal keep document order. */
  removedBefore: number;
}

/** Drops boilerplate lines inside a block and boilerplate blocks, then the footer after a footer marker. */
function removeBoilerplate(blocks: RawBlock[], removed: RemovedItem[]): Candidate[] {
  const kept: Candidate[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as RawBlock;
    const lines = block.text.includes("\n") ? block.text.split("\n") : [block.text];
    const keptLines: string[] = [];
    for (const line of lines) {
      const text = collapseWhitespace(line);
      if (text.length === 0) continue;
      const rule = matchBoilerplate(text);
      // A table cell reading "Comment" is a column heading, not the start of the comments.
      if (!rule || (rule.startsFooter && block.inTable)) {
        keptLines.push(text);
        continue;
      }
      if (rule.startsFooter && index >= blocks.length * FOOTER_FROM) {
        removed.push({ kind: "boilerplate", text, reason: `${rule.label}: "${text}"` });
        for (const rest of blocks.slice(index + 1)) {
          const restText = collapseWhitespace(rest.text);
          if (restText) {
            removed.push({ kind: "boilerplate", text: restText, reason: `after footer "${text}"` });
          }
        }
        if (keptLines.length > 0) {
          kept.push({ text: keptLines.join(" "), type: block.type, removedBefore: removed.length });
        }
        return kept;
      }
      removed.push({ kind: "boilerplate", text, reason: `${rule.label}: "${text}"` });
    }
    if (keptLines.length > 0) {
      kept.push({ text: keptLines.join(" "), type: block.type, removedBefore: removed.length });
    }
  }
  return kept;
}

/**
 * Finds the title (stated by the format, or a headline-like first block), a second near-duplicate headline
 * (kept as the dek when it adds words, removed when it only repeats the title), then types the other blocks.
 */
export function buildStructure(doc: ParsedDocument): ArticleStructure {
  const removed: RemovedItem[] = [...doc.removed];
  const candidates = removeBoilerplate(doc.blocks, removed);
  const cased = candidates.some((c) => hasUppercase(c.text));

  let title = doc.title ? collapseWhitespace(doc.title) : null;
  let next = 0;
  const first = candidates[0];
  if (title === null && first && candidates.length > 1 && canBeHeadline(first)) {
    title = first.text;
    next = 1;
  }

  let dek: string | null = null;
  const second = candidates[next];
  if (title !== null && second && canBeHeadline(second) && candidates.length > next + 1) {
    const overlap = headlineOverlap(title, second.text);
    if (overlap >= DUPLICATE_HEADLINE) {
      // Keep the longer variant as the title: it says more. A stated title (JSON, HTML) always stays.
      const keepSecond = doc.title === null && second.text.length > title.length;
      const dropped = keepSecond ? title : second.text;
      if (keepSecond) title = second.text;
      removed.splice(second.removedBefore, 0, {
        kind: "duplicate-headline",
        text: dropped,
        reason: `repeats the title (${Math.round(overlap * 100)}% of its words)`,
      });
      next++;
    } else if (overlap >= RELATED_HEADLINE && second.type !== "heading") {
      dek = second.text;
      next++;
    }
  }

  const blocks: TypedBlock[] = [];
  if (title !== null) blocks.push({ type: "title", text: title });
  if (dek !== null) blocks.push({ type: "dek", text: dek });
  const rest = candidates.slice(next);
  const inferred = rest.map((c) => c.type ?? inferType(c.text, cased));
  // With no body block at all, a short unpunctuated text ("Iraq Joins Up") is the body, not a heading.
  const hasBody = inferred.some(isBodyBlock);
  rest.forEach((candidate, index) => {
    const type = hasBody || candidate.type ? (inferred[index] as BlockType) : "paragraph";
    blocks.push({ type, text: candidate.text });
  });
  // A stated title is not among the candidates scanned above.
  const anyUppercase = cased || (doc.title !== null && title !== null && hasUppercase(title));
  return { title, dek, blocks, removed, cased: anyUppercase };
}

function canBeHeadline(candidate: Candidate): boolean {
  const typeAllows =
    candidate.type === undefined || candidate.type === "heading" || candidate.type === "title";
  return typeAllows && isHeadlineLike(candidate.text);
}
