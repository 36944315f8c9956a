/**
 * npm run bench:load -- [--count 1000] [--translator none|mock] [--json]
 * Drops --count articles at once into a local stack (s3rver, dispatcher, the real handlers) and checks that
 * each ends with one manifest: prints articles, manifests, lost, duplicated, wall time and peak RSS.
 * --translator mock translates into Spanish through the Amazon Translate adapter on a mocked client.
 */
import { type LoadTranslator, runLoad } from "../reliability/load";
import { benchArgs, positiveInteger, refuse } from "./args";

const USAGE = "npm run bench:load -- [--count 1000] [--translator none|mock] [--json]";
const values = benchArgs(USAGE, {
  count: { type: "string" },
  translator: { type: "string", default: "none" },
  json: { type: "boolean", default: false },
});

const count = positiveInteger(USAGE, "count", values.count, 1000);
if (values.translator !== "none" && values.translator !== "mock") {
  refuse(USAGE, `--translator must be none or mock, got "${values.translator}"`);
}

// Powertools prints notices (empty metrics) on stdout; --json promises one object there and nothing else.
const print = console.log.bind(console);
if (values.json) console.log = () => {};
const result = await runLoad({ count, translator: values.translator as LoadTranslator });

if (values.json) {
  const { articles, manifests, lost, duplicated, wallMs, peakRssMb } = result;
  print(JSON.stringify({ articles, manifests, lost, duplicated, wallMs, peakRssMb }));
} else {
  const rows: [string, string][] = [
    ["translator", result.translator],
    ["articles dropped", String(result.articles)],
    ["manifests", String(result.manifests)],
    ["lost", String(result.lost)],
    ["duplicated events", String(result.duplicated)],
    ["dead letters", String(result.deadLetters)],
    ["wall time", `${(result.wallMs / 1000).toFixed(1)} s`],
    ["articles / s", String(result.articlesPerSecond)],
    ["peak RSS", `${result.peakRssMb} MB`],
  ];
  if (result.translator === "mock")
    rows.push(["characters billed", String(result.billedCharacters)]);
  const width = Math.max(...rows.map(([name]) => name.length));
  print(
    "bench:load (one process, 2 invocations at a time per stage; absolute speed is machine-bound)",
  );
  for (const [name, value] of rows) print(`  ${name.padEnd(width)}  ${value}`);
}
process.exit(result.lost === 0 && result.duplicated === 0 ? 0 : 1);
