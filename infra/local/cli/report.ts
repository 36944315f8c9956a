/** What `npm start` says about each article: a readable block, or one JSON line with --json. */
import { relative } from "node:path";
import type { ArticleResult } from "../results";
import type { ArticleRun } from "../run";

export type ArticleStatus = "complete" | "partial" | "failed" | "unfinished";

export interface ArticleReport {
  file: string;
  key: string;
  articleId: string;
  status: ArticleStatus;
  language: string | null;
  summary: string | null;
  /** Local copies under --out, keyed by their path inside results/<id>/. */
  outputs: Record<string, string>;
  /** Why it failed (failed or unfinished), or which languages failed (partial). */
  problem?: string;
  latencyMs: number | null;
}

export function articleReport(
  run: ArticleRun,
  result: ArticleResult,
  copies: Map<string, string>,
  deadLetterHint: string,
): ArticleReport {
  const prefix = `results/${run.articleId}/`;
  const outputs: Record<string, string> = {};
  for (const [key, path] of copies) outputs[key.slice(prefix.length)] = path;
  const status: ArticleStatus = run.uploadError
    ? "failed"
    : (run.detail?.status ?? result.manifest?.status ?? "unfinished");
  return {
    file: run.file.display,
    key: run.file.key,
    articleId: run.articleId,
    status,
    language: result.summary?.language ?? null,
    summary: result.summary?.text ?? null,
    outputs,
    ...(run.uploadError
      ? { problem: `the upload to ${run.file.key} was refused: ${run.uploadError}` }
      : withProblem(status, result, deadLetterHint)),
    latencyMs: run.finishedAt ? run.finishedAt - run.uploadStartedAt : null,
  };
}

function withProblem(
  status: ArticleStatus,
  result: ArticleResult,
  deadLetterHint: string,
): { problem?: string } {
  if (status === "failed" && result.error) {
    const { stage, errorType, message } = result.error;
    return { problem: `${stage}: ${errorType}: ${message}` };
  }
  if (status === "partial") {
    const failed = Object.entries(result.manifest?.languages ?? {})
      .filter(([, outcome]) => outcome.status === "failed")
      .map(([lang, outcome]) => `${lang}: ${outcome.error?.type}: ${outcome.error?.message}`);
    return { problem: `translation failed for ${failed.join("; ")}` };
  }
  if (status === "unfinished") return { problem: `no manifest was written; ${deadLetterHint}` };
  return {};
}

const MARK: Record<ArticleStatus, string> = {
  complete: "✔",
  partial: "◐",
  failed: "✘",
  unfinished: "✘",
};

export function formatReport(report: ArticleReport, detailed: boolean): string {
  const seconds = report.latencyMs === null ? "" : `, ${(report.latencyMs / 1000).toFixed(1)} s`;
  const language = report.language ? `, ${report.language}` : "";
  const head = `${MARK[report.status]} ${report.file}: ${report.status}${language}${seconds}`;
  const lines = [head];
  if (report.problem) lines.push(`  ${report.problem}`);
  if (!detailed) return lines.join("\n");
  if (report.summary) {
    lines.push("  summary:");
    for (const sentence of report.summary.split("\n")) lines.push(`    • ${sentence}`);
  }
  const paths = Object.values(report.outputs);
  if (paths.length > 0) {
    const folder = commonFolder(paths);
    const names = Object.keys(report.outputs).sort(byOutputOrder);
    lines.push(`  outputs in ${folder}/:`);
    lines.push(`    ${names.join("  ")}`);
    const reportPath = report.outputs["report.html"];
    if (reportPath) lines.push(`  report: ${shownPath(reportPath)}`);
  }
  return lines.join("\n");
}

const ORDER = ["manifest.json", "article.json", "summary.json", "summary.txt"];

function byOutputOrder(a: string, b: string): number {
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function commonFolder(paths: string[]): string {
  const manifest = paths.find((p) => p.endsWith("/manifest.json")) ?? paths[0] ?? "";
  const folder = manifest.slice(0, manifest.lastIndexOf("/"));
  return shownPath(folder);
}

/** Relative to the working directory when under it, so the path is short and can be pasted. */
function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") ? path : shown || ".";
}
