/**
 * "Logs never contain article text beyond a short preview": finds every run of more than `previewChars`
 * consecutive characters of an article's sentences that appears in the handlers' log lines.
 */

import { DEFAULT_LOG_PREVIEW_CHARS } from "../../../shared/pipeline/config";

/**
 * The longest run of article text a log line may quote: the pipeline's LOG_PREVIEW_CHARS setting (the title
 * preview of "article normalized"), 40 by default. Error messages name the file, and V8's JSON.parse messages
 * quote up to 10 characters of the input. Override with RELIABILITY_LOG_PREVIEW_CHARS when the stack under test
 * runs with another setting.
 */
export { DEFAULT_LOG_PREVIEW_CHARS };

export function logPreviewChars(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.RELIABILITY_LOG_PREVIEW_CHARS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_LOG_PREVIEW_CHARS;
}

export interface LogLeak {
  sentence: string;
  /** The piece of the sentence found in the log. */
  quoted: string;
}

/**
 * Every sentence longer than the preview whose text shows up in the log for more than `previewChars`
 * characters. Windows of previewChars + 1 characters are compared through a set of the log's own windows, so
 * the check stays linear in log size plus text size.
 */
export function findLogLeaks(
  log: string,
  sentences: readonly string[],
  previewChars: number,
): LogLeak[] {
  const width = previewChars + 1;
  // Logs are JSON: quotes, backslashes and non-ASCII may be escaped there, so compare on decoded strings.
  const logText = decodedLogText(log);
  const windows = new Set<string>();
  for (let i = 0; i + width <= logText.length; i++) windows.add(logText.slice(i, i + width));
  const leaks: LogLeak[] = [];
  for (const sentence of sentences) {
    for (let i = 0; i + width <= sentence.length; i++) {
      const window = sentence.slice(i, i + width);
      if (windows.has(window)) {
        leaks.push({ sentence, quoted: window });
        break;
      }
    }
  }
  return leaks;
}

/** Each log line's string values, unescaped and joined, so escaping cannot hide a quotation. */
function decodedLogText(log: string): string {
  const parts: string[] = [];
  for (const line of log.split("\n")) {
    if (!line.trim()) continue;
    try {
      collectStrings(JSON.parse(line), parts);
    } catch {
      parts.push(line);
    }
  }
  return parts.join("\n");
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === "object") {
    for (const item of Object.values(value)) collectStrings(item, into);
  }
}
