/**
 * `node --import tsx infra/aws/build-lambda-package.ts <stage> <dir>`: builds a stage's Lambda package into
 * <dir> (infra/aws/bundling.ts). The stack runs it at synth, through CDK's local bundling.
 */
import { ROUTES, type StageName } from "../../shared/pipeline/routing";
import { buildLambdaPackage, stageEntry } from "./bundling";

const [stage, outDir] = process.argv.slice(2);
const stages = ROUTES.map((route) => route.stage);
if (!stage || !outDir || !stages.includes(stage as StageName)) {
  console.error(`usage: build-lambda-package.ts <${stages.join("|")}> <dir>`);
  process.exit(2);
}
await buildLambdaPackage({ entry: stageEntry(stage as StageName), outDir });
