/**
 * "HTML input never reaches an output as live markup": what the hostile page left in an article's outputs.
 * Returns the problems found (empty when the outputs are inert).
 */
import { parseHTML } from "linkedom";
import { MARKUP_AS_TEXT, PWNED } from "../corpus/hostile-html";

/** Elements that run code, load content or submit data; the report is built from text and needs none. */
const ACTIVE_ELEMENTS = "script, iframe, frame, object, embed, form, input, base, svg, img, link";

export function liveMarkupProblems(
  files: ReadonlyMap<string, Uint8Array>,
  contentTypes: ReadonlyMap<string, string> = new Map(),
): string[] {
  const problems: string[] = [];
  // Article text may hold markup-looking text; served as text/plain or JSON it stays text.
  for (const [name, type] of contentTypes) {
    if (name !== "report.html" && /html|xml|svg/i.test(type)) {
      problems.push(`${name} is stored as ${type}: a browser would render it`);
    }
  }
  for (const [name, body] of files) {
    const text = Buffer.from(body).toString("utf8");
    // Executable parts of the page (script bodies, handlers, URLs) must be dropped, not carried as text.
    if (text.includes(PWNED)) problems.push(`${name} carries "${excerpt(text, PWNED)}"`);
  }
  const report = files.get("report.html");
  if (!report) return [...problems, "report.html missing"];
  const html = Buffer.from(report).toString("utf8");
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll(ACTIVE_ELEMENTS)) {
    problems.push(`report.html has a live <${element.localName}>`);
  }
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of Array.from(element.attributes) as { name: string; value: string }[]) {
      if (attribute.name.toLowerCase().startsWith("on")) {
        problems.push(`report.html <${element.localName}> has a ${attribute.name} handler`);
      }
      if (/^\s*javascript:/i.test(attribute.value)) {
        problems.push(`report.html <${element.localName} ${attribute.name}> is a javascript: URL`);
      }
    }
  }
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (!csp?.getAttribute("content")?.includes("default-src 'none'")) {
    problems.push("report.html has no default-src 'none' Content-Security-Policy");
  }
  // Markup written as text in the article must still be there, as text the reader can see.
  if (!document.body?.textContent?.includes(MARKUP_AS_TEXT)) {
    problems.push(`report.html does not show the text "${MARKUP_AS_TEXT}"`);
  }
  return problems;
}

function excerpt(text: string, marker: string): string {
  const at = text.indexOf(marker);
  return text.slice(Math.max(0, at - 30), at + 40).replace(/\s+/g, " ");
}
