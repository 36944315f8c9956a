/**
 * How one raw setting (an environment variable, a CDK context value, a CLI flag) becomes a typed value, or a
 * ConfigError naming the setting. The settings table (settings-table.ts) picks one of these per setting.
 */
import { canonicalLanguageTag } from "../contract/language";
import type { SummaryLength } from "../contract/summary";
import { PipelineError } from "../errors";

/** A setting is missing or malformed: a deployment mistake, not something a retry can fix. */
export class ConfigError extends PipelineError {
  override readonly name = "ConfigError";
  readonly retryable = false;
}

export type RawValue = string | number | boolean | undefined | null;
export type RawSettings = Readonly<Record<string, RawValue>>;

export type Formality = "FORMAL" | "INFORMAL";

export function text(value: RawValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === "" ? undefined : s;
}

export function list(value: RawValue): string[] {
  const s = text(value);
  if (!s) return [];
  return s
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function bool(name: string, value: RawValue, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  const s = text(value)?.toLowerCase();
  if (s === undefined) return fallback;
  if (s === "true" || s === "1" || s === "yes" || s === "on") return true;
  if (s === "false" || s === "0" || s === "no" || s === "off") return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

export function positiveInt(name: string, value: RawValue, fallback: number, max: number): number {
  const s = text(value);
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new ConfigError(`${name} must be an integer from 1 to ${max}, got "${value}"`);
  }
  return n;
}

export function nonNegativeInt(
  name: string,
  value: RawValue,
  fallback: number,
  max: number,
): number {
  const s = text(value);
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}, got "${s}"`);
  }
  return n;
}

export function required(name: string, value: RawValue): string {
  const s = text(value);
  if (s === undefined) throw new ConfigError(`${name} is required`);
  return s;
}

/** Canonical language tags (shared/contract/language.ts), deduplicated, in the order given. */
export function parseTargetLanguages(name: string, value: RawValue): string[] {
  const codes: string[] = [];
  for (const raw of list(value)) {
    const code = canonicalLanguageTag(raw);
    // "und" is a valid tag but no language to translate into.
    if (code === undefined || code === "und") {
      throw new ConfigError(
        `${name}: "${raw}" is not a language code (expected ISO 639-1 like "es" or "fr-CA")`,
      );
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

export function parseSummaryLength(name: string, value: RawValue): SummaryLength | undefined {
  const s = text(value);
  if (s === undefined) return undefined;
  const match = /^(sentences|words|ratio):([0-9.]+)$/.exec(s);
  const mode = match?.[1];
  const amount = Number(match?.[2]);
  if (mode === "ratio" && amount > 0 && amount <= 1) return { mode, value: amount };
  if ((mode === "sentences" || mode === "words") && Number.isInteger(amount) && amount >= 1) {
    return { mode, value: amount };
  }
  throw new ConfigError(
    `${name} must be "sentences:N", "words:N" (N ≥ 1) or "ratio:R" (0 < R ≤ 1), got "${s}"`,
  );
}

export function formality(name: string, value: RawValue): Formality | undefined {
  const s = text(value)?.toUpperCase();
  if (s === undefined) return undefined;
  if (s === "FORMAL" || s === "INFORMAL") return s;
  throw new ConfigError(`${name} must be FORMAL, INFORMAL or empty, got "${value}"`);
}
