/**
 * `node --import tsx infra/aws/build-lazy-modules.ts <stage> <asset dir>`: writes a Lambda asset's lazy/
 * folder (infra/aws/lazy-modules.ts). The stack runs it as NodejsFunction's afterBundling hook, right after
 * esbuild has written index.mjs into the same folder.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROUTES, type StageName } from "../../shared/pipeline/routing";
import { buildLazyModules } from "./lazy-modules";

const [stage, outDir] = process.argv.slice(2);
const stages = ROUTES.map((route) => route.stage);
if (!stage || !outDir || !stages.includes(stage as StageName)) {
  console.error(`usage: build-lazy-modules.ts <${stages.join("|")}> <asset dir>`);
  process.exit(2);
}
if (!existsSync(join(outDir, "index.mjs"))) {
  // A hook pointed at the wrong folder would otherwise ship a function without its lazy files.
  console.error(`build-lazy-modules: no index.mjs in ${outDir}; is this the asset esbuild wrote?`);
  process.exit(1);
}
await buildLazyModules(stage as StageName, outDir, join(import.meta.dirname, "../.."));
