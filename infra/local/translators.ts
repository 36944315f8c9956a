/**
 * Which translator local mode uses. Apertium runs offline and is the default. Languages the user asked for
 * (--to) are always attempted: one whose pair is missing fails alone, with an error record naming the package
 * to install, and the article ends partial. The default target is only a wish: when Apertium cannot meet it,
 * translation is off by default (summary only) with a one-line notice on how to turn it on, and Apertium stays
 * the translator of uploads that name their own languages (target-languages metadata), which are attempted the
 * same way. Never a fake translation: `--translator none` means no translator, and no languages per upload.
 */

import { AmazonTranslateTranslator } from "../../shared/adapters/amazon-translate";
import { ApertiumTranslator, installHint, iso3 } from "../../shared/adapters/apertium";
import { primaryLanguage } from "../../shared/contract/language";
import type { TranslationSettings } from "../../shared/pipeline/config";
import type { Translator } from "../../shared/pipeline/ports";

export type TranslatorChoice = "apertium" | "aws" | "none";

export interface ChosenTranslator {
  choice: TranslatorChoice;
  /**
   * Undefined only when asked for none (`--translator none`). With "none" chosen because the default could not
   * be met it is Apertium, for uploads naming their own languages.
   */
  translator?: Translator;
  /** Languages to translate into ([] with "none"). */
  targetLanguages: string[];
  /** Said once on stderr when the default could not be honoured. */
  notice?: string;
}

/** The source language is only known after normalize; the hint names the package for English articles. */
const EXAMPLE_SOURCE = "en";

function enableHint(targets: readonly string[], installed: boolean): string {
  const packages = targets.map((lang) => installHint(EXAMPLE_SOURCE, lang)).join("; ");
  const apertium = installed ? "" : "apt-get install apertium, then ";
  return `to translate English articles: ${apertium}${packages}; or use --translator aws with AWS credentials`;
}

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
  const names = new Set<string | undefined>([primaryLanguage(target), iso3(target)]);
  return modes.some((mode) => names.has(mode.split("_")[0]?.split("-")[1]));
}

export async function chooseTranslator(options: {
  requested?: TranslatorChoice;
  targetLanguages: string[];
  /** True when the user named the languages (--to): they are attempted even when a pair is missing. */
  targetsGiven?: boolean;
  settings: TranslationSettings;
}): Promise<ChosenTranslator> {
  const { requested, targetLanguages, settings } = options;
  const targetsGiven = options.targetsGiven ?? false;
  if (requested === "none") return { choice: "none", targetLanguages: [] };
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
  const missing =
    modes === undefined ? targetLanguages : targetLanguages.filter((l) => !hasModeInto(modes, l));
  if (missing.length === 0) return { choice: "apertium", translator: apertium, targetLanguages };
  const why =
    modes === undefined
      ? "Apertium is not installed"
      : `no Apertium pair into ${missing.join(", ")}`;
  if (!targetsGiven) {
    return {
      choice: "none",
      translator: apertium,
      targetLanguages: [],
      notice: `translation off: ${why}; ${enableHint(missing, modes !== undefined)}`,
    };
  }
  // Asked for by name: the languages Apertium can do are translated, the others end as error records.
  return {
    choice: "apertium",
    translator: apertium,
    targetLanguages,
    notice: `${why}: ${missing.join(", ")} will fail; ${enableHint(missing, modes !== undefined)}`,
  };
}
