/**
 * npm run test:reliability -- [--load-count 1000] [--skip-load]
 * Runs the reliability, property and infrastructure-security tests (vitest, figures recorded), then the load
 * run, and writes docs/RELIABILITY.md from what was measured. Exits non-zero when a test failed or an article
 * was lost or duplicated; the document is written either way, so a failure is on record.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runLoad } from "./load";
import { renderReliabilityDoc, type VitestReport } from "./report/markdown";
import { RESULTS_DIR_ENV, readFigures } from "./results";

const ROOT = join(import.meta.dirname, "../..");
const DOC = join(ROOT, "docs", "RELIABILITY.md");
/** The security checks that already live in tests/infra; run here so the document reports their status. */
const TEST_PATHS = ["tests/reliability", "tests/property", "tests/infra"];

const { values } = parseArgs({
  options: {
    "load-count": { type: "string", default: "1000" },
    "skip-load": { type: "boolean", default: false },
  },
});
const loadCount = Number(values["load-count"]);
if (!Number.isInteger(loadCount) || loadCount < 1) {
  console.error(`--load-count must be a positive integer, got "${values["load-count"]}"`);
  process.exit(2);
}

const resultsDir = mkdtempSync(join(tmpdir(), "reliability-results-"));
const vitestJson = join(resultsDir, "vitest.json");
let exitCode = 1;
try {
  const vitest = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "vitest", "vitest.mjs"),
      "run",
      ...TEST_PATHS,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestJson}`,
    ],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, [RESULTS_DIR_ENV]: resultsDir } },
  );
  const figures = readFigures(resultsDir);
  let loadOk = true;
  if (!values["skip-load"]) {
    console.log(`\nload: ${loadCount} articles at once (translator none)…`);
    const load = await runLoad({ count: loadCount, translator: "none" });
    figures.load = load;
    loadOk = load.lost === 0 && load.duplicated === 0;
    console.log(
      `load: ${load.manifests}/${load.articles} manifests, lost ${load.lost}, duplicated ${load.duplicated}, ${load.wallMs} ms, peak RSS ${load.peakRssMb} MB`,
    );
  }
  let report: VitestReport | undefined;
  try {
    report = JSON.parse(readFileSync(vitestJson, "utf8")) as VitestReport;
  } catch {
    report = undefined;
  }
  writeFileSync(
    DOC,
    renderReliabilityDoc({ figures, vitest: report, testPaths: TEST_PATHS, root: ROOT }),
  );
  console.log(`\nwrote ${DOC}`);
  exitCode = vitest.status === 0 && loadOk ? 0 : 1;
} finally {
  rmSync(resultsDir, { recursive: true, force: true });
}
process.exit(exitCode);
