/**
 * The Lambda bundles replace a few modules (infra/aws/bundling.ts BUNDLE_ALIASES). This builds the
 * normalizer the way the normalize Lambda is built and checks it gives the same articles as the source.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { lambdaBuildOptions } from "../../infra/aws/bundling";
import * as source from "../../shared/normalize";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "tests/output/bundle-equivalence");

const FIXTURES = [
  "tests/fixtures/normalize/cluttered-page.html",
  "tests/fixtures/samples/harbour-strike.html",
];

/** Style sheets in every place linkedom keeps them: the bundle has no CSS parser, and must not need one. */
const STYLED_PAGE = `<!doctype html><html><head><title>Harbour reopens</title>
<style>body { color: red } @media (max-width: 600px) { .ad { display: none } }</style></head>
<body><article><h1>Harbour reopens after strike</h1><style scoped>.x{}</style>
<p>The port of Kelmouth reopened on Tuesday after a week-long strike by dockworkers ended in a pay deal.</p>
<p style="color: blue">Ships that had waited in the estuary began to unload on Tuesday morning, the port said.</p>
</article></body></html>`;

let bundled: typeof source;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, "normalize.mjs");
  await build({
    ...lambdaBuildOptions(ROOT),
    entryPoints: [join(ROOT, "shared/normalize/index.ts")],
    outfile,
  });
  bundled = (await import(pathToFileURL(outfile).href)) as typeof source;
}, 60_000);

describe("normalize as bundled for Lambda", () => {
  const inputs: [string, Uint8Array][] = [
    ...FIXTURES.map((file): [string, Uint8Array] => [file, readFileSync(join(ROOT, file))]),
    ["styled.html", new TextEncoder().encode(STYLED_PAGE)],
  ];

  it.each(inputs)("should normalize %s exactly as the source does", (fileName, bytes) => {
    // Act
    const expected = source.normalizeArticle({ bytes, fileName });
    const actual = bundled.normalizeArticle({ bytes, fileName });
    // Assess
    expect(actual).toEqual(expected);
  });

  it("should fail a file without a body the same way as the source", () => {
    // Prepare
    const bytes = new TextEncoder().encode("<html><head><style>p{}</style></head></html>");
    // Act
    const run = (impl: typeof source) => {
      try {
        impl.normalizeArticle({ bytes, fileName: "empty.html" });
        return "no error";
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    // Assess
    expect(run(bundled)).toBe(run(source));
  });
});
