import { existsSync, readFileSync } from "node:fs";
import { ApertiumTranslator } from "../../../shared/adapters/apertium";
import { corpusChrf } from "../chrf/chrf";

export interface ApertiumEval {
  chrF: number | null;
  wordsPerSec: number | null;
  sentences?: number;
  words?: number;
  seconds?: number;
  reason?: string;
}

interface Row {
  en: string;
  es: string;
}

/** Apertium eng→spa on the newstest2013 dev rows: corpus chrF against the references, and its speed. */
export async function evaluateApertium(path: string): Promise<ApertiumEval> {
  if (!existsSync(path)) {
    return {
      chrF: null,
      wordsPerSec: null,
      reason: `${path} is absent (../shared is not beside the repo)`,
    };
  }
  const rows = readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Row);
  const translator = new ApertiumTranslator();
  try {
    await translator.modeFor("en", "es");
  } catch (error) {
    return { chrF: null, wordsPerSec: null, reason: (error as Error).message };
  }
  const sources = rows.map((r) => r.en);
  const started = performance.now();
  // All rows in one process, as the pipeline sends an article.
  const result = await translator.translateTexts({
    sourceLanguage: "en",
    targetLanguage: "es",
    texts: sources,
  });
  const seconds = (performance.now() - started) / 1000;
  const words = sources.reduce((n, s) => n + s.split(/\s+/).filter(Boolean).length, 0);
  return {
    chrF: corpusChrf(
      result.texts,
      rows.map((r) => r.es),
    ),
    wordsPerSec: words / seconds,
    sentences: rows.length,
    words,
    seconds,
  };
}
