import { BULLET_CLASS, codeAt, isAsciiDigit, isBullet, isSpace, SPACE_CLASS } from "./chars";

/**
 * List items written inline: `1.) The first item 2.) The second item`, `1) …`, `1. …`, `a. …`, and items
 * behind bullets `• 9. The first item • 10. The second item`. Each item is a sentence, with or without a
 * final period.
 *
 * A marker counts only inside a run of consecutive markers of one shape (1, 2, 3… or a, b, c…) whose first
 * marker opens the text, a line or a sentence, or follows a bullet: "2. Bundesliga" or "plan B. The" alone
 * are no list. Markers behind bullets need no numbering.
 */
export interface ListMarkers {
  /** Positions where an item starts (its bullet, or its number): a sentence ends before each. */
  starts: number[];
  /** Positions of the periods inside markers ("1." "2.)"): never a sentence end. */
  periods: Set<number>;
}

interface Marker {
  start: number;
  bullet: boolean;
  value: number;
  shape: string;
  /** The marker's period, or -1 ("1)"). */
  period: number;
}

// Global, reset before each use: building a RegExp per call costs more than a short paragraph's scan.
const BULLET = new RegExp(`[${BULLET_CLASS}]`, "gu");

/**
 * Could a list marker or a bullet stand at `i`? Asked by the scanner at the characters it stops on, so the
 * search runs only on the few paragraphs with a candidate: a bullet, or "." or ")" after a lone label.
 */
export function mayMarkList(text: string, i: number, code: number): boolean {
  if (isBullet(code)) return true;
  if (code !== 0x2e && code !== 0x29) return false;
  const next = codeAt(text, i + 1);
  if (!isSpace(next) && !(code === 0x2e && next === 0x29)) return false;
  let j = code === 0x29 && codeAt(text, i - 1) === 0x2e ? i - 1 : i;
  const labelEnd = j;
  while (j > labelEnd - 2 && isAsciiDigit(codeAt(text, j - 1))) j--;
  if (j === labelEnd && isAsciiLowercase(codeAt(text, j - 1))) j--;
  if (j === labelEnd) return false;
  return j === 0 || isSpace(text.charCodeAt(j - 1)) || isBullet(text.charCodeAt(j - 1));
}

export function findListMarkers(text: string): ListMarkers | null {
  const markers = markersOf(text);
  const starts = new Set<number>();
  const bullets = BULLET;
  bullets.lastIndex = 0;
  for (let match = bullets.exec(text); match !== null; match = bullets.exec(text)) {
    if (match.index > 0) starts.add(match.index);
  }
  const periods = new Set<number>();
  // Behind a bullet, a number is the item's own: "⁃4. Call Ann".
  for (const m of markers) if (m.bullet && m.period >= 0) periods.add(m.period);
  for (const run of consecutiveRuns(markers, text)) {
    for (const m of run) {
      starts.add(m.start);
      if (m.period >= 0) periods.add(m.period);
    }
  }
  if (starts.size === 0 && periods.size === 0) return null;
  return { starts: [...starts].sort((a, b) => a - b), periods };
}

/**
 * A marker: a number of one or two digits or one lowercase letter (groups 1, 2), standing alone after the
 * start, a space (as isSpace has it) or a bullet, closed by ".", ".)" or ")" (group 3) and followed by a
 * space. Matches come in text order, and none overlaps the next (the space after one is looked at, not
 * taken).
 */
const MARKER = new RegExp(
  `(?<![^${SPACE_CLASS}${BULLET_CLASS}])(?:(\\d{1,2})|([a-z]))(\\.\\)?|\\))(?=[${SPACE_CLASS}])`,
  "g",
);

/**
 * The list markers of the text, in text order: "1." "a." "1)" "1.)". Found by one native search rather than a
 * loop over every period and parenthesis: most of those are no marker, and the loop, run for every paragraph
 * with a candidate, cost the optimizing compiler more than it ran.
 */
function markersOf(text: string): Marker[] {
  const found: Marker[] = [];
  const marker = MARKER;
  marker.lastIndex = 0;
  for (let match = marker.exec(text); match !== null; match = marker.exec(text)) {
    const labelStart = match.index;
    const digits = match[1];
    const mark = match[3] as string;
    let bulletAt = labelStart - 1;
    while (
      bulletAt >= 0 &&
      isSpace(text.charCodeAt(bulletAt)) &&
      text.charCodeAt(bulletAt) !== 0x0a
    ) {
      bulletAt--;
    }
    const bullet = bulletAt >= 0 && isBullet(text.charCodeAt(bulletAt));
    const labelEnd = labelStart + (digits ?? "a").length;
    found.push({
      start: bullet ? bulletAt : labelStart,
      bullet,
      value: digits !== undefined ? Number(digits) : text.charCodeAt(labelStart) - 0x60,
      shape: `${digits !== undefined ? "1" : "a"}${mark}`,
      period: mark === ")" ? -1 : labelEnd,
    });
  }
  return found;
}

function isAsciiLowercase(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** Runs of two or more markers of one shape numbered n, n+1, … in text order, each opening a list. */
function consecutiveRuns(markers: Marker[], text: string): Marker[][] {
  const runs: Marker[][] = [];
  const open = new Map<string, Marker[]>();
  for (const m of markers) {
    const current = open.get(m.shape);
    const last = current?.at(-1);
    if (current && last && m.value === last.value + 1) {
      current.push(m);
      continue;
    }
    if (current && current.length >= 2) runs.push(current);
    open.set(m.shape, opensList(m, text) ? [m] : []);
  }
  for (const run of open.values()) if (run.length >= 2) runs.push(run);
  return runs;
}

/**
 * A list's first marker stands where an item can begin: at the start of the text or a line, after a sentence
 * mark or a colon, or behind a bullet. Letters must start at "a".
 */
function opensList(m: Marker, text: string): boolean {
  if (m.bullet) return true;
  if (m.shape.startsWith("a") && m.value !== 1) return false;
  let j = m.start - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x0a) j--;
  if (j < 0 || text.charCodeAt(j) === 0x0a) return true;
  const before = text.charCodeAt(j);
  return (
    before === 0x2e || before === 0x21 || before === 0x3f || before === 0x3a || isBullet(before)
  );
}
