/**
 * Markdown shapes no article has but any upload may: the ones the regex reader backtracked on (a heading line
 * with a long run of spaces, unclosed `[` or `<b ` runs) and the ones micromark alone is not linear on (failed
 * link turns, alternating emphasis, containers nested thousands deep). Shared by the unit tests and
 * `npm run bench:normalize`, which times each against a plain article of the same size.
 */
import { formatTable } from "./table";

const PLAIN_SENTENCE =
  "The port reopened on Tuesday after a week-long strike by dockworkers over pay and shift patterns. ";

/** `bytes` of ordinary prose in one paragraph per ~600 bytes (ASCII, so characters = bytes). */
export function plainMarkdown(bytes: number): string {
  let text = "# Port reopens after strike\n\n";
  while (text.length < bytes) {
    text += `${PLAIN_SENTENCE.repeat(6)}\n\n`;
  }
  return text.slice(0, bytes);
}

function fill(unit: string, bytes: number, lead = ""): string {
  return lead + unit.repeat(Math.max(0, Math.floor((bytes - lead.length) / unit.length)));
}

export interface MarkdownShape {
  name: string;
  /** What the shape is, for the bench table. */
  description: string;
  /** The shape at about `bytes` bytes (ASCII). */
  make(bytes: number): string;
}

const LEAD = `# Shape\n\n${PLAIN_SENTENCE}\n\n`;

export const MARKDOWN_SHAPES: readonly MarkdownShape[] = [
  {
    name: "heading-spaces",
    description: "a heading line with a run of spaces before its last word",
    make: (bytes) => `${LEAD}## Strike${" ".repeat(Math.max(0, bytes - LEAD.length - 16))}ends\n`,
  },
  {
    name: "unclosed-brackets",
    description: "a paragraph of unclosed `[`",
    make: (bytes) => `${fill("[word ", bytes, LEAD)}\n`,
  },
  {
    name: "unclosed-tags",
    description: "a paragraph of unclosed `<b `",
    make: (bytes) => `${fill("<b ", bytes, LEAD)}\n`,
  },
  {
    name: "link-turns",
    description: "a paragraph of `[a](` that never closes",
    make: (bytes) => `${fill("[a](", bytes, LEAD)}\n`,
  },
  {
    name: "alternating-emphasis",
    description: "a paragraph of `*a` (thousands of delimiter runs)",
    make: (bytes) => `${fill("*a", bytes, LEAD)}\n`,
  },
  {
    name: "nested-quotes",
    description: "one line of `>` nested thousands deep",
    make: (bytes) => `${fill(">", bytes - 8, LEAD)} quoted\n`,
  },
  {
    name: "nested-list-markers",
    description: "one line of `- ` list markers nested thousands deep",
    make: (bytes) => `${fill("- ", bytes - 8, LEAD)}item\n`,
  },
];

export interface ShapeTiming {
  name: string;
  bytes: number;
  /** Best CPU milliseconds of normalizeArticle on the shape, and on a plain Markdown article of its size. */
  cpuMs: number;
  plainCpuMs: number;
  /** cpuMs / plainCpuMs. */
  ratio: number;
}

/**
 * Times normalizeArticle on each shape and on a plain article of the same size, best CPU time of `passes`.
 * The normalizer is passed in so this module stays a plain data module for the tests.
 */
export function timeMarkdownShapes(
  normalize: (input: { bytes: Uint8Array; fileName: string; maxBytes: number }) => unknown,
  bytes: number,
  passes: number,
): ShapeTiming[] {
  const cpuOf = (text: string, fileName: string): number => {
    const input = { bytes: new TextEncoder().encode(text), fileName, maxBytes: text.length };
    normalize(input);
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < passes; i++) {
      const start = process.cpuUsage();
      normalize(input);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  const plainCpuMs = cpuOf(plainMarkdown(bytes), "plain.md");
  return MARKDOWN_SHAPES.map(({ name, make }) => {
    const cpuMs = cpuOf(`${make(bytes)}\n\n${PLAIN_SENTENCE}\n`, `${name}.md`);
    return { name, bytes, cpuMs, plainCpuMs, ratio: cpuMs / plainCpuMs };
  });
}

export function printShapeTable(rows: readonly ShapeTiming[]): void {
  console.log(
    "\nMarkdown shapes (best CPU ms of normalizeArticle, against a plain .md article of the same size)",
  );
  const header = ["shape", "size", "shape CPU ms", "plain CPU ms", "× plain"];
  const body = rows.map((r) => [
    r.name,
    `${(r.bytes / 1024).toFixed(0)} KB`,
    r.cpuMs.toFixed(0),
    r.plainCpuMs.toFixed(0),
    r.ratio.toFixed(1),
  ]);
  console.log(formatTable(header, body));
}
