/**
 * `npm run --silent normalize -- <file> [--language <code>]`: prints article.json for a local file.
 * Bad input: the typed error's name and message on stderr, exit code 1 (2 for a usage mistake).
 */
import { readFileSync } from "node:fs";
import { PipelineError } from "../errors";
import { normalizeDocument } from "../normalize";

const USAGE = "usage: npm run --silent normalize -- <file> [--language <code>]";

async function main(argv: string[]): Promise<number> {
  const files: string[] = [];
  let language: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--language" || arg === "-l") language = argv[++i];
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else files.push(arg);
  }
  const file = files[0];
  if (files.length !== 1 || file === undefined || (language !== undefined && !language)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`FileReadError: ${file}: cannot read the file (${reason})\n`);
    return 1;
  }
  try {
    const article = await normalizeDocument({
      bytes,
      fileName: file,
      ...(language ? { languageOverride: language } : {}),
    });
    process.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PipelineError) {
      process.stderr.write(`${error.name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
