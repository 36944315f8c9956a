/** Flags shared by `npm start` and `npm run dev`, parsed and checked once. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { InputError } from "../../../shared/errors";
import { ENV, parseTargetLanguages, type RawSettings } from "../../../shared/pipeline/config";
import { DEFAULT_DATA_DIRECTORY } from "../stack";
import type { TranslatorChoice } from "../translators";

/** A flag or argument is wrong: the message says which and what is expected. */
export class UsageError extends InputError {
  override readonly name = "UsageError";
}

export interface CommonOptions {
  targetLanguages: string[];
  /** True when --to was given (the default is only a wish, dropped with a notice when it cannot be met). */
  targetsGiven: boolean;
  translator?: TranslatorChoice;
  sentences?: string;
  dataDirectory: string;
  verbose: boolean;
}

export const DEFAULT_TARGETS = ["es"];

export const COMMON_FLAGS = {
  to: { type: "string" },
  sentences: { type: "string" },
  translator: { type: "string" },
  "data-dir": { type: "string" },
  verbose: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

const TRANSLATORS: readonly TranslatorChoice[] = ["apertium", "aws", "none"];

export interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandLine(argv: string[], flags: ParseArgsConfig["options"]): CommandLine {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: flags,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as CommandLine["values"], positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function commonOptions(values: Record<string, string | boolean | undefined>): CommonOptions {
  const translator = values.translator as string | undefined;
  if (translator !== undefined && !TRANSLATORS.includes(translator as TranslatorChoice)) {
    throw new UsageError(
      `--translator must be one of ${TRANSLATORS.join(", ")}, got "${translator}"`,
    );
  }
  const to = values.to as string | undefined;
  let targetLanguages: string[];
  try {
    targetLanguages = to === undefined ? DEFAULT_TARGETS : parseTargetLanguages("--to", to);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const sentences = values.sentences as string | undefined;
  if (sentences !== undefined && !/^[1-9]\d*$/.test(sentences)) {
    throw new UsageError(`--sentences must be a whole number ≥ 1, got "${sentences}"`);
  }
  return {
    targetLanguages,
    targetsGiven: to !== undefined,
    ...(translator ? { translator: translator as TranslatorChoice } : {}),
    ...(sentences ? { sentences } : {}),
    dataDirectory: (values["data-dir"] as string | undefined) ?? DEFAULT_DATA_DIRECTORY,
    verbose: values.verbose === true,
  };
}

/**
 * The pipeline settings (by environment name) these options stand for. With no translator (`--translator
 * none`) uploads may name no languages of their own: such an upload fails at normalize with a record saying
 * so, rather than each language failing later in translate.
 */
export function pipelineSettings(
  options: CommonOptions,
  translation: { targetLanguages: string[]; translator?: unknown },
): RawSettings {
  return {
    [ENV.targetLanguages]: translation.targetLanguages.join(","),
    ...(translation.translator ? {} : { [ENV.maxLanguagesPerUpload]: "0" }),
    ...(options.sentences ? { [ENV.summarySentences]: options.sentences } : {}),
  };
}
