import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { StageName } from "../../shared/pipeline/routing";

/** What each stage's package holds in lazy/: what its bundle reaches, no more (infra/aws/bundling.ts). */
export const EXPECTED_LAZY: Readonly<Record<StageName, readonly string[]>> = {
  normalize: [
    ...["chardet.cjs", "chardet.cjs.map", "docx-stack.cjs", "docx-stack.cjs.map"],
    ...["eld/ngrams.bin", "html-stack.cjs", "html-stack.cjs.map"],
    ...["markdown-stack.cjs", "markdown-stack.cjs.map", "pdf-stack.cjs", "pdf-stack.cjs.map"],
    ...["semver.cjs", "semver.cjs.map"],
  ],
  summarize: [
    ...["semver.cjs", "semver.cjs.map", "snowball-stemmers.cjs", "snowball-stemmers.cjs.map"],
    "stopwords-iso.json",
  ],
  translate: ["semver.cjs", "semver.cjs.map"],
};

/** Every file of a package: index.mjs, its map, and lazy/. */
export function expectedPackageFiles(stage: StageName): string[] {
  return ["index.mjs", "index.mjs.map", ...EXPECTED_LAZY[stage].map((file) => `lazy/${file}`)];
}

/** The files under `dir`, relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
