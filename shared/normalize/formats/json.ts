import { cleanText } from "../clean";
import { InvalidJsonError, NoArticleBodyError } from "../errors";
import { readPlainText } from "./txt";
import type { ParsedDocument } from "./types";

function optionalString(value: unknown, field: string, fileName: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new InvalidJsonError(`"${field}" must be a string, got ${typeName(value)}`, fileName);
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * `{ "title"?: string, "text" | "body": string, "language"?: string }`; the text reads like a .txt file.
 * Parsed as decoded: the text cleanup would break valid JSON (a raw U+2028 inside a string becomes a line break,
 * NFC can fold a combining mark into an escape's letter). The cleaned text is tried only when the decoded one
 * does not parse, for files with raw tabs or controls inside strings, which JSON forbids but files carry.
 */
export function readJson(decoded: string, fileName: string, cleaned = decoded): ParsedDocument {
  let data: unknown;
  try {
    data = JSON.parse(decoded);
  } catch (cause) {
    try {
      data = JSON.parse(cleaned);
    } catch {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new InvalidJsonError(`is not valid JSON (${detail})`, fileName, { cause });
    }
  }
  return readJsonValue(data, fileName);
}

/** The same document from a value already parsed (a row of a JSONL file). */
export function readJsonValue(data: unknown, fileName: string): ParsedDocument {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new InvalidJsonError(
      `must hold a JSON object {title?, text|body, language?}, got ${typeName(data)}`,
      fileName,
    );
  }
  const record = data as Record<string, unknown>;
  const title = optionalString(record.title, "title", fileName);
  const body =
    optionalString(record.text, "text", fileName) ?? optionalString(record.body, "body", fileName);
  const language = optionalString(record.language, "language", fileName);
  if (body === undefined || body.trim().length === 0) {
    throw new NoArticleBodyError(
      'has no article text: expected a non-empty "text" or "body" string',
      fileName,
    );
  }
  return {
    format: "json",
    // JSON escapes (\u00a0, \r\n) decode only now, so the cleanup runs again on the fields.
    title: title?.trim() ? cleanText(title) : null,
    blocks: readPlainText(cleanText(body)),
    removed: [],
    ...(language?.trim() ? { language: language.trim() } : {}),
  };
}
