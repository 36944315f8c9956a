/**
 * What the manifest says, read from the files alone: which outputs exist for this source version, each
 * language's outcome (succeeded, failed with why, or none yet) and how long each stage took.
 */
import { OUTPUT_FILES } from "../../contract/keys";
import type { ErrorRecord, LanguageOutcome, Manifest } from "../../contract/manifest";
import { isMadeFrom, readProvenance } from "../provenance";
import type { ArticleOutputs } from "./article-outputs";
import { headLanguage, languageFiles } from "./translation-outputs";

export interface CollectedOutcomes {
  outputs: Manifest["outputs"];
  languages: Record<string, LanguageOutcome>;
  stages: Record<string, number>;
  /** Languages without an outcome yet: the manifest waits for them. */
  waitingFor: string[];
  /** When normalize started on this version (the article's start), if article.json says. */
  startedAt: string | undefined;
}

export async function collectOutcomes(
  outputs: ArticleOutputs,
  targetLanguages: readonly string[],
): Promise<CollectedOutcomes> {
  const etag = outputs.source.etag;
  const [articleHead, summaryHead, summaryDone, found] = await Promise.all([
    outputs.head(OUTPUT_FILES.article),
    outputs.head(OUTPUT_FILES.summary),
    outputs.isCurrent(OUTPUT_FILES.summary, OUTPUT_FILES.summaryText),
    Promise.all(targetLanguages.map((lang) => languageOutcome(outputs, lang))),
  ]);
  const collected: CollectedOutcomes = {
    outputs: { translations: {} },
    languages: {},
    stages: {},
    waitingFor: [],
    startedAt: readProvenance(articleHead?.metadata)?.startedAt,
  };
  if (isMadeFrom(articleHead, etag)) {
    collected.outputs.article = outputs.key(OUTPUT_FILES.article);
    collected.stages.normalize = readProvenance(articleHead?.metadata)?.durationMs ?? 0;
  }
  if (summaryDone) {
    collected.outputs.summary = outputs.key(OUTPUT_FILES.summary);
    collected.outputs.summaryText = outputs.key(OUTPUT_FILES.summaryText);
    collected.stages.summarize = readProvenance(summaryHead?.metadata)?.durationMs ?? 0;
  }
  targetLanguages.forEach((lang, i) => {
    const outcome = found[i];
    if (!outcome) {
      collected.waitingFor.push(lang);
      return;
    }
    collected.languages[lang] = outcome.outcome;
    collected.stages[`translate.${lang}`] = outcome.durationMs;
    if (outcome.outcome.status === "succeeded") {
      collected.outputs.translations[lang] = {
        json: outputs.key(OUTPUT_FILES.translationJson(lang)),
        text: outputs.key(OUTPUT_FILES.translationText(lang)),
      };
    }
  });
  return collected;
}

async function languageOutcome(
  outputs: ArticleOutputs,
  lang: string,
): Promise<{ outcome: LanguageOutcome; durationMs: number } | undefined> {
  const heads = await headLanguage(outputs, lang);
  const files = languageFiles(heads, outputs.source.etag);
  // The .json alone is not done: its delivery stopped before the .txt, and its redelivery rebuilds it.
  if (files === "translated") {
    return {
      outcome: { status: "succeeded", key: outputs.key(OUTPUT_FILES.translationJson(lang)) },
      durationMs: readProvenance(heads.json?.metadata)?.durationMs ?? 0,
    };
  }
  if (files !== "failed") return undefined;
  const stored = await outputs.readStored<ErrorRecord>(OUTPUT_FILES.translationError(lang));
  if (!stored?.current || !stored.value) return undefined;
  return {
    outcome: {
      status: "failed",
      error: { type: stored.value.errorType, message: stored.value.message },
    },
    durationMs: readProvenance(stored.head.metadata)?.durationMs ?? 0,
  };
}
