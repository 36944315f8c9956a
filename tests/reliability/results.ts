/**
 * Figures the reliability tests measure, handed to the docs/RELIABILITY.md generator. Tests call
 * `recordFigures` always; it writes only when RELIABILITY_RESULTS_DIR is set (by `npm run test:reliability`),
 * so a plain `npm test` leaves no files behind.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const RESULTS_DIR_ENV = "RELIABILITY_RESULTS_DIR";

export function recordFigures(name: string, figures: unknown): void {
  const directory = process.env[RESULTS_DIR_ENV];
  if (!directory) return;
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

export function readFigures(directory: string): Record<string, unknown> {
  const figures: Record<string, unknown> = {};
  let files: string[];
  try {
    files = readdirSync(directory).filter((f) => f.endsWith(".json"));
  } catch {
    return figures;
  }
  for (const file of files) {
    figures[file.slice(0, -".json".length)] = JSON.parse(
      readFileSync(join(directory, file), "utf8"),
    );
  }
  return figures;
}
