/**
 * The README's table of settings, rendered from the settings table. `npx tsx tests/support/settings-readme.ts`
 * rewrites it in place; tests/unit/pipeline/settings-table.test.ts fails while the README differs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSettingsTable } from "../../shared/pipeline/settings-derive";
import { SETTINGS } from "../../shared/pipeline/settings-table";

export const README_PATH = join(import.meta.dirname, "../../README.md");
const SECTION = /(<!-- settings-table:start -->\n)[\s\S]*?(\n<!-- settings-table:end -->)/;

/** The table as the README shows it now, or undefined when its markers are missing. */
export function readmeSettingsTable(readme: string): string | undefined {
  const match = SECTION.exec(readme);
  return match ? match[0].slice(match[1]?.length ?? 0, -(match[2]?.length ?? 0)) : undefined;
}

if (process.argv[1] === import.meta.filename) {
  const readme = readFileSync(README_PATH, "utf8");
  if (!SECTION.test(readme))
    throw new Error(`${README_PATH}: no <!-- settings-table:start --> section`);
  writeFileSync(
    README_PATH,
    readme.replace(SECTION, (_, start, end) => `${start}${renderSettingsTable(SETTINGS)}${end}`),
  );
}
