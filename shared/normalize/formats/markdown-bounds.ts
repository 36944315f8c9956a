/**
 * Keeps micromark's work close to linear in the input's bytes. micromark is linear on ordinary Markdown but not
 * on a few shapes no article has: containers nested thousands deep (`> > > …`, `- - - …`, ever-deeper
 * indentation), delimiter runs thousands long (`*****…`), and paragraphs with thousands of failed link turns
 * (`[a](` repeated). Such constructs are escaped or trimmed here, one pass over the lines, so they read as the
 * literal text they are; an article's own Markdown is far below every bound and passes through unchanged.
 */

/** Container markers (`>`, list bullets) one line may open; articles use a handful. */
export const MAX_CONTAINER_MARKERS = 32;
/** Leading whitespace kept on a line (columns), so indentation cannot nest lists without end. */
export const MAX_INDENT = 64;
/** Longest run of one emphasis delimiter (`*`, `_`, `~`) left to mean emphasis. */
export const MAX_DELIMITER_RUN = 16;
/**
 * A paragraph's inline markers (`[`, `]`, `<`, `*`, `_`, `~`, `` ` ``, `!`, `&`) times its length: micromark may
 * rescan the paragraph for each marker that opens nothing (`[a](` repeated). A 4 KB paragraph may hold 512 of
 * them, a 100 KB one 20; markers beyond are escaped.
 */
export const INLINE_MARKER_BUDGET = 1 << 21;
/** Emphasis delimiter runs per paragraph: micromark pairs them in time quadratic in their number (`*a*a*a…`). */
export const MAX_DELIMITER_RUNS = 128;

const SPACE = new Set([" ", "\t"]);
const BULLETS = new Set(["-", "*", "+"]);
const DELIMITERS = new Set(["*", "_", "~"]);
const INLINE_MARKERS = new Set(["[", "]", "<", "*", "_", "~", "`", "!", "&"]);
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

/** Trims leading whitespace past MAX_INDENT and escapes container markers past MAX_CONTAINER_MARKERS. */
function boundContainers(line: string): string {
  let indent = 0;
  while (indent < line.length && SPACE.has(line[indent] as string)) indent++;
  let text = indent > MAX_INDENT ? line.slice(0, MAX_INDENT) + line.slice(indent) : line;
  let at = Math.min(indent, MAX_INDENT);
  let markers = 0;
  let out = "";
  let copied = 0;
  for (;;) {
    while (at < text.length && SPACE.has(text[at] as string)) at++;
    const char = text[at];
    let end = -1;
    if (char === ">") end = at + 1;
    else if (char !== undefined && BULLETS.has(char) && SPACE.has(text[at + 1] ?? "")) end = at + 1;
    else if (isDigit(char)) {
      let digit = at;
      while (isDigit(text[digit]) && digit - at < 9) digit++;
      if ((text[digit] === "." || text[digit] === ")") && SPACE.has(text[digit + 1] ?? "")) {
        end = digit + 1;
      }
    }
    if (end < 0) break;
    markers++;
    if (markers > MAX_CONTAINER_MARKERS) {
      // Escaping the marker's last character makes it text: `\>`, `\-`, `1\.`.
      out += `${text.slice(copied, end - 1)}\\`;
      copied = end - 1;
    }
    at = end;
  }
  if (copied > 0) text = out + text.slice(copied);
  return text;
}

/** Escapes every character of a delimiter run longer than MAX_DELIMITER_RUN (not on a rule-only line). */
function boundDelimiterRuns(line: string): string {
  let out = "";
  let copied = 0;
  let at = 0;
  while (at < line.length) {
    const char = line[at] as string;
    if (!DELIMITERS.has(char)) {
      at++;
      continue;
    }
    let end = at;
    while (line[end] === char) end++;
    if (end - at > MAX_DELIMITER_RUN && line.trim().length !== end - at) {
      out += line.slice(copied, at) + `\\${char}`.repeat(end - at);
      copied = end;
    }
    at = end;
  }
  return copied > 0 ? out + line.slice(copied) : line;
}

/**
 * Escapes the inline markers of a paragraph past its share of INLINE_MARKER_BUDGET, and its emphasis delimiter
 * runs past MAX_DELIMITER_RUNS. A character already escaped stays as it is.
 */
function boundInlineMarkers(lines: string[], first: number, last: number): void {
  let length = 0;
  for (let i = first; i <= last; i++) length += (lines[i] as string).length + 1;
  let markers = Math.floor(INLINE_MARKER_BUDGET / Math.max(length, 1));
  let runs = MAX_DELIMITER_RUNS;
  for (let i = first; i <= last; i++) {
    const line = lines[i] as string;
    let out = "";
    let copied = 0;
    for (let at = 0; at < line.length; at++) {
      const char = line[at] as string;
      if (char === "\\") {
        at++;
        continue;
      }
      if (!INLINE_MARKERS.has(char)) continue;
      const delimiter = DELIMITERS.has(char) && line[at - 1] !== char;
      if (delimiter) runs--;
      markers--;
      if (markers >= 0 && (!DELIMITERS.has(char) || runs >= 0)) continue;
      out += `${line.slice(copied, at)}\\`;
      copied = at;
    }
    if (copied > 0) lines[i] = out + line.slice(copied);
  }
}

/** The source with every pathological construct made literal; ordinary Markdown comes back unchanged. */
export function boundMarkdownWork(source: string): string {
  const lines = source.split("\n");
  let runStart = -1;
  let fence: string | undefined;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    // Code blocks are left as written: micromark reads them line by line, and their text is listed as removed.
    const marker = line === undefined ? undefined : FENCE.exec(line)?.[1];
    if (
      fence !== undefined ||
      marker !== undefined ||
      line === undefined ||
      line.trim().length === 0
    ) {
      if (runStart >= 0) boundInlineMarkers(lines, runStart, i - 1);
      runStart = -1;
      if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
        fence = fence === undefined ? marker : undefined;
      }
      continue;
    }
    lines[i] = boundDelimiterRuns(boundContainers(line));
    if (runStart < 0) runStart = i;
  }
  return lines.join("\n");
}
