/**
 * Which translator local mode uses. Apertium runs offline and is the default when it can translate into every
 * target language; otherwise translation is off (summary only) with a one-line notice on how to turn it on.
 * Never a fake translation: "none" means no target languages at all.
 */

import { AmazonTranslateTranslator } from "../../shared/adapters/amazon-translate";
import { ApertiumTranslator, iso3 } from "../../shared/adapters/apertium";
import type { TranslationSettings } from "../../shared/pipeline/config";
import type { Translator } from "../../shared/pipeline/ports";

export type TranslatorChoice = "apertium" | "aws" | "none";

export interface ChosenTranslator {
  choice: TranslatorChoice;
  /** Undefined with "none": the pipeline then runs with no target languages. */
  translator?: Translator;
  /** Languages to translate into ([] with "none"). */
  targetLanguages: string[];
  /** Said once on stderr when the default could not be honoured. */
  notice?: string;
}

const ENABLE_HINT =
  "install Apertium and the pair (e.g. apt-get install apertium apertium-eng-spa), or use --translator aws with AWS credentials";

/** The installed Apertium modes, or undefined when the command is missing. */
async function apertiumModes(apertium: ApertiumTranslator): Promise<string[] | undefined> {
  try {
    return await apertium.installedModes();
  } catch {
    return undefined;
  }
}

/** True when some installed mode translates into the target (the source is only known after normalize). */
function hasModeInto(modes: readonly string[], target: string): boolean {
  const names = new Set([target.split("-")[0], iso3(target)]);
  return modes.some((mode) => names.has(mode.split("_")[0]?.split("-")[1]));
}

export async function chooseTranslator(options: {
  requested?: TranslatorChoice;
  targetLanguages: string[];
  settings: TranslationSettings;
}): Promise<ChosenTranslator> {
  const { requested, targetLanguages, settings } = options;
  if (requested === "none" || targetLanguages.length === 0) {
    return { choice: "none", targetLanguages: [] };
  }
  if (requested === "aws") {
    return {
      choice: "aws",
      translator: new AmazonTranslateTranslator({ settings }),
      targetLanguages,
    };
  }
  const apertium = new ApertiumTranslator();
  const modes = await apertiumModes(apertium);
  if (requested === "apertium") {
    // Asked for explicitly: run it anyway, a missing pair becomes that language's error record.
    return { choice: "apertium", translator: apertium, targetLanguages };
  }
  if (modes === undefined) {
    return {
      choice: "none",
      targetLanguages: [],
      notice: `translation off: Apertium is not installed; to translate, ${ENABLE_HINT}`,
    };
  }
  const missing = targetLanguages.filter((lang) => !hasModeInto(modes, lang));
  if (missing.length > 0) {
    return {
      choice: "none",
      targetLanguages: [],
      notice: `translation off: no Apertium pair into ${missing.join(", ")}; to translate, ${ENABLE_HINT}`,
    };
  }
  return { choice: "apertium", translator: apertium, targetLanguages };
}
