/**
 * `npm run bench:bundle [-- --json] [--runs N]`: builds each Lambda exactly as the stack does (esbuild, ESM,
 * minified, options from infra/aws/bundling.ts), then reports its size and module init time next to the
 * "SDK floor": a bundle that only imports (and constructs, as the handler does at init) the AWS SDK clients
 * that function uses, built the same way and measured in the same run.
 * Init = median wall time of N fresh node processes that import the bundle minus the median of bare node
 * processes (the same `-e` script importing nothing); the CPU time of the import, read inside each process,
 * is shown alongside because it holds still on a loaded machine.
 * The processes run with Lambda-like environment variables so handlers build their clients at init, as in
 * Lambda. Also measured, for the record (table only): the same bundles with the SDK left external.
 * `bytes` is index.mjs, the file Node parses at every cold start; the lazy/ files of the same asset
 * (infra/aws/lazy-modules.ts) are reported beside it with what their first use costs, so that nothing moved
 * out of the bundle goes unaccounted for.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Metafile } from "esbuild";
import { BUNDLE_EXTERNALS, BUNDLE_TARGET, lambdaBuildOptions } from "../../infra/aws/bundling";
import { buildLambdaAsset, LAZY_FOLDER } from "../../infra/aws/lazy-modules";
import { ROUTES, type StageName } from "../../shared/pipeline/routing";
import {
  buildProbes,
  FIRST_USE,
  firstUseMedians,
  median,
  runMeasuring,
  treeBytes,
} from "./bundle-first-use";

const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "tests/bench/results/bundle");
const args = process.argv.slice(2);
const json = args.includes("--json");
const runsArg = args.indexOf("--runs");
const RUNS = Math.max(10, runsArg >= 0 ? Number(args[runsArg + 1]) : 15);
const KiB = 1024;
const TARGET_BYTES = 500 * KiB;
const TARGET_BYTES_WITH_TRACER = 620 * KiB;
const TARGET_INIT_OVER_FLOOR_MS = 25;

function log(line: string): void {
  if (!json) console.log(line);
}

/** Replaces the Powertools tracer by a no-op (informational rows: what tracing costs). */
const NO_TRACER = { "@aws-lambda-powertools/tracer": "./tests/bench/bundle-stubs/tracer" };

/**
 * One bundle built as the stack builds it; with a stage, into a whole asset (index.mjs and the stage's lazy/
 * files, which some functions read at init: the summarizer's trees).
 */
async function bundle(
  entry: string,
  outDir: string,
  stage: StageName | null,
  external: readonly string[],
  extraAliases: Record<string, string> = {},
): Promise<{ file: string; bytes: number; metafile: Metafile }> {
  const options = lambdaBuildOptions(ROOT);
  const overrides = {
    external: [...external],
    alias: { ...aliasesFor(external, options.alias ?? {}), ...extraAliases },
  };
  if (stage) {
    const built = await buildLambdaAsset({ stage, entry, outDir, projectRoot: ROOT, overrides });
    return {
      file: built.bundleFile,
      bytes: statSync(built.bundleFile).size,
      metafile: built.metafile,
    };
  }
  const file = join(outDir, "index.mjs");
  const result = await build({
    ...options,
    ...overrides,
    metafile: true,
    entryPoints: [entry],
    outfile: file,
  });
  return { file, bytes: statSync(file).size, metafile: result.metafile };
}

/** The stack's replacements, except those of SDK packages when the SDK is left external (the runtime's copy). */
function aliasesFor(
  external: readonly string[],
  aliases: Record<string, string>,
): Record<string, string> {
  if (external.length === 0) return aliases;
  return Object.fromEntries(
    Object.entries(aliases).filter(([from]) => !from.startsWith("@aws-sdk/")),
  );
}

/** The client class of each SDK package the handlers use. */
const CLIENT_CLASS: Record<string, string> = {
  "@aws-sdk/client-s3": "S3Client",
  "@aws-sdk/client-sqs": "SQSClient",
  "@aws-sdk/client-eventbridge": "EventBridgeClient",
  "@aws-sdk/client-translate": "TranslateClient",
};

/** The SDK clients a bundle contains, read from esbuild's metafile (what it really pulled in). */
function sdkClientsOf(metafile: Metafile): { pkg: string; client: string }[] {
  const packages = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(input);
    if (m?.[1]) packages.add(m[1]);
  }
  return [...packages].sort().map((pkg) => {
    const client = CLIENT_CLASS[pkg];
    if (!client) throw new Error(`bundle uses ${pkg}: add its client class to CLIENT_CLASS`);
    return { pkg, client };
  });
}

function floorEntry(clients: { pkg: string; client: string }[]): string {
  const imports = clients.map((c) => `import { ${c.client} } from "${c.pkg}";`).join("\n");
  const constructs = clients.map((c) => `new ${c.client}({})`).join(", ");
  return `${imports}\nexport const clients = [${constructs}];\n`;
}

/**
 * One fresh process that imports `file` (none for bare node): wall time of the whole process, and the CPU time
 * (user + system) of the import alone, read inside the process. CPU time barely moves with the load of a
 * shared machine, where wall time swings by tens of ms; both are reported, the targets are judged on wall.
 */
function timeProcess(file: string | null): { wallMs: number; cpuMs: number } {
  const load = file ? `await import(${JSON.stringify(pathToFileURL(file).href)});` : "";
  const code = `const c=process.cpuUsage();${load}const d=process.cpuUsage(c);process.stdout.write(String((d.user+d.system)/1000));`;
  const { printed: cpuMs, wallMs } = runMeasuring(code, `node ${file ?? "-e"}`);
  return { wallMs, cpuMs };
}

const round = (n: number) => Math.round(n * 10) / 10;

interface FunctionFigures {
  bytes: number;
  initMs: number;
  sdkFloorMs: number;
  /** The asset's lazy/ folder: deployed with the function, read only when an article needs it. */
  lazyBytes: number;
  firstUseMs: Record<string, number>;
}

interface Variant {
  name: string;
  file: string;
  bytes: number;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const stages = ROUTES.map((r) => r.stage);
  const variants: Variant[] = [];
  const rows: { stage: string; clients: string[] }[] = [];
  for (const stage of stages) {
    const entry = join(ROOT, "functions", stage, "handler.ts");
    // Inside the repo so that external packages resolve from node_modules, as from Lambda's runtime.
    const built = await bundle(entry, join(OUT, stage), stage, BUNDLE_EXTERNALS);
    variants.push({ name: stage, file: built.file, bytes: built.bytes });
    await buildProbes(stage, built.file);
    const clients = sdkClientsOf(built.metafile);
    rows.push({ stage, clients: clients.map((c) => c.client) });
    const floorSource = join(OUT, `${stage}-floor.ts`);
    writeFileSync(floorSource, floorEntry(clients));
    const builds: [string, string, StageName | null, readonly string[], Record<string, string>?][] =
      [
        [`${stage}:floor`, floorSource, null, BUNDLE_EXTERNALS],
        [`${stage}:no-tracer`, entry, stage, BUNDLE_EXTERNALS, NO_TRACER],
        [`${stage}:sdk-external`, entry, stage, ["@aws-sdk/*"]],
        [`${stage}:floor-sdk-external`, floorSource, null, ["@aws-sdk/*"]],
      ];
    for (const [name, source, asset, external, aliases] of builds) {
      const out = await bundle(source, join(OUT, name.replace(":", "-")), asset, external, aliases);
      variants.push({ name, file: out.file, bytes: out.bytes });
    }
  }

  // Interleaved rounds, so machine load drifts affect every variant alike.
  const samples = new Map<string, number[]>([["bare", []]]);
  const cpuSamples = new Map<string, number[]>([["bare", []]]);
  for (const v of variants) {
    samples.set(v.name, []);
    cpuSamples.set(v.name, []);
  }
  const measure = (name: string, file: string | null) => {
    const { wallMs, cpuMs } = timeProcess(file);
    samples.get(name)?.push(wallMs);
    cpuSamples.get(name)?.push(cpuMs);
  };
  for (let run = 0; run < RUNS; run++) {
    measure("bare", null);
    for (const v of variants) measure(v.name, v.file);
  }
  const bareNodeMs = median(samples.get("bare") ?? []);
  const initOf = (name: string) => median(samples.get(name) ?? []) - bareNodeMs;
  const cpuOf = (name: string) => median(cpuSamples.get(name) ?? []);
  const bytesOf = (name: string) => variants.find((v) => v.name === name)?.bytes ?? 0;

  const functions: Record<string, FunctionFigures> = {};
  for (const stage of stages) {
    functions[stage] = {
      bytes: bytesOf(stage),
      initMs: round(initOf(stage)),
      sdkFloorMs: round(initOf(`${stage}:floor`)),
      lazyBytes: treeBytes(join(OUT, stage, LAZY_FOLDER)),
      firstUseMs: firstUseMedians(stage, join(OUT, stage, "index.mjs"), RUNS, round),
    };
  }
  if (json) {
    console.log(JSON.stringify({ bareNodeMs: round(bareNodeMs), functions }));
    return;
  }

  log(
    `Bundle size and module init (median of ${RUNS} fresh node processes, bare node = ${round(bareNodeMs)} ms subtracted; CPU = user+system time of the import, in the process)`,
  );
  log(
    `Node ${process.version} on ${process.arch}; esbuild ESM, minified, target ${BUNDLE_TARGET}\n`,
  );
  log(
    "| function | SDK clients | bytes | KiB | init ms | SDK floor ms | init − floor | CPU ms | floor CPU ms | CPU − floor | size ≤ 620 KiB | init ≤ floor + 25 |",
  );
  log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
  for (const { stage, clients } of rows) {
    const f = functions[stage] as FunctionFigures;
    const over = round(f.initMs - f.sdkFloorMs);
    log(
      `| ${stage} | ${clients.join(", ")} | ${f.bytes} | ${round(f.bytes / KiB)} | ${f.initMs} | ${f.sdkFloorMs} | ${over} | ${round(cpuOf(stage))} | ${round(cpuOf(`${stage}:floor`))} | ${round(cpuOf(stage) - cpuOf(`${stage}:floor`))} | ${f.bytes <= TARGET_BYTES_WITH_TRACER ? "yes" : "NO"}${f.bytes <= TARGET_BYTES ? " (≤ 500)" : ""} | ${over <= TARGET_INIT_OVER_FLOOR_MS ? "yes" : "NO"} |`,
    );
  }
  log(
    "\nLazy files (lazy/ beside index.mjs: in the deployment package, read by the first article that needs them):\n",
  );
  log("| function | lazy/ KiB | first use | files | ms (median) |");
  log("|---|---:|---|---|---:|");
  for (const stage of stages) {
    const f = functions[stage] as FunctionFigures;
    const uses = FIRST_USE[stage];
    if (uses.length === 0) log(`| ${stage} | ${round(f.lazyBytes / KiB)} | — | — | — |`);
    for (const use of uses) {
      log(
        `| ${stage} | ${round(f.lazyBytes / KiB)} | ${use.label} | ${use.files.map(([file]) => file).join(", ")} | ${f.firstUseMs[use.label]} |`,
      );
    }
  }
  log(
    "\nWhat the X-Ray tracer costs (same functions with a no-op Tracer aliased in; not deployed):\n",
  );
  log("| function | bytes | KiB | init ms | init − floor | CPU ms | CPU − floor |");
  log("|---|---:|---:|---:|---:|---:|---:|");
  for (const stage of stages) {
    const init = initOf(`${stage}:no-tracer`);
    log(
      `| ${stage} | ${bytesOf(`${stage}:no-tracer`)} | ${round(bytesOf(`${stage}:no-tracer`) / KiB)} | ${round(init)} | ${round(init - initOf(`${stage}:floor`))} | ${round(cpuOf(`${stage}:no-tracer`))} | ${round(cpuOf(`${stage}:no-tracer`) - cpuOf(`${stage}:floor`))} |`,
    );
  }
  log(
    "\nSame functions with @aws-sdk/* external (loaded from node_modules, as from the Lambda runtime):\n",
  );
  log("| function | bytes | KiB | init ms | SDK floor ms (external) | init vs bundled |");
  log("|---|---:|---:|---:|---:|---:|");
  for (const stage of stages) {
    const ext = initOf(`${stage}:sdk-external`);
    const bundled = initOf(stage);
    log(
      `| ${stage} | ${bytesOf(`${stage}:sdk-external`)} | ${round(bytesOf(`${stage}:sdk-external`) / KiB)} | ${round(ext)} | ${round(initOf(`${stage}:floor-sdk-external`))} | ${bundled > 0 ? `×${round(ext / bundled)}` : "n/a"} |`,
    );
  }
}

await main();
