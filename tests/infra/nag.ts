import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { App } from "aws-cdk-lib";

/**
 * Synthesizes an app that registered cdk-nag's AwsSolutions pack and returns every finding left standing,
 * errors and warnings alike (warnings do not fail synth, so the report is read too), one rule per line.
 */
export function nagFindings(app: App): string {
  try {
    app.synth();
  } catch (error) {
    return String(error instanceof Error ? error.message : error);
  }
  const report = join(app.outdir, "validation-report.json");
  if (!existsSync(report)) return "";
  const { pluginReports } = JSON.parse(readFileSync(report, "utf8")) as {
    pluginReports: { violations: { ruleName: string }[] }[];
  };
  return pluginReports
    .flatMap((r) => r.violations)
    .map((v) => v.ruleName)
    .join("\n");
}
