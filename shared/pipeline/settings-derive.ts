/**
 * What the settings table gives everyone else: environment names, context keys, the parsed config, the
 * environment that reproduces a config, the environment a CDK context stands for, and the README's table.
 * Each takes the table as a parameter, so a test can show a setting it adds reaching all of them.
 */
import { type RawSettings, type RawValue, text } from "./setting-parsers";
import type { PipelineConfig, Setting } from "./settings-table";

export type SettingsTable = Readonly<Record<string, Setting<unknown>>>;

/** Setting name → environment variable. */
export function envNames<T extends SettingsTable>(table: T): { readonly [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(table).map(([name, row]) => [name, row.env])) as {
    [K in keyof T]: string;
  };
}

/** Setting name → CDK context key, for the settings that have one. */
export function contextKeys(table: SettingsTable): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(table).flatMap(([name, row]) => (row.context ? [[name, row.context]] : [])),
  );
}

/** Parses every setting of the table from environment variables, in the table's order. */
export function parseSettings(table: SettingsTable, env: RawSettings): PipelineConfig {
  const config = { translation: {} } as PipelineConfig;
  for (const row of Object.values(table)) {
    const value = row.parse(row.env, env[row.env]);
    if (value !== undefined) row.write?.(config, value);
  }
  return config;
}

function formatValue(row: Setting<unknown>, value: unknown): string {
  if (row.format) return row.format(value);
  if (value === undefined || value === null) return "";
  return Array.isArray(value) ? value.join(",") : String(value);
}

/** The environment variables that reproduce this config (the inverse of parseSettings). */
export function settingsToEnv(
  table: SettingsTable,
  config: PipelineConfig,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const row of Object.values(table)) {
    if (row.read) env[row.env] = formatValue(row, row.read(config));
  }
  return env;
}

/** A CDK context value as a raw setting: `-c` gives strings, cdk.json numbers, booleans or arrays. */
export function contextValue(value: unknown): RawValue {
  if (Array.isArray(value)) return value.join(",");
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object") return JSON.stringify(value);
  return value as RawValue;
}

/** The environment a deployment's CDK context stands for, with the deployment defaults filled in. */
export function contextToEnv(
  table: SettingsTable,
  read: (key: string) => unknown,
): Record<string, RawValue> {
  const env: Record<string, RawValue> = {};
  for (const row of Object.values(table)) {
    if (!row.context) continue;
    const value = contextValue(read(row.context));
    env[row.env] = text(value) === undefined ? row.deployDefault : value;
  }
  return env;
}

/** Each context setting's default as a context value would give it. */
export function defaultContext(table: SettingsTable): Record<string, string> {
  return Object.fromEntries(
    Object.values(table).flatMap((row) =>
      row.context
        ? [[row.context, row.deployDefault ?? formatValue(row, row.parse(row.env, undefined))]]
        : [],
    ),
  );
}

/** The README's table of deployment settings (context key, environment variable, default, what it does). */
export function renderSettingsTable(table: SettingsTable): string {
  const defaults = defaultContext(table);
  const lines = [
    "| context key | environment variable | default | what it does |",
    "|---|---|---|---|",
  ];
  for (const row of Object.values(table)) {
    if (!row.context) continue;
    const fallback = defaults[row.context] ?? "";
    const shown = row.defaultText ?? (fallback === "" ? "none" : `\`${fallback}\``);
    lines.push(`| \`${row.context}\` | \`${row.env}\` | ${shown} | ${row.doc} |`);
  }
  return lines.join("\n");
}
