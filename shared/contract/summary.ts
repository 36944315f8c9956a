import type { SchemaVersion } from "./version";

/** How long a summary should be. Exactly one of the three. */
export type SummaryLength =
  | { mode: "sentences"; value: number }
  | { mode: "words"; value: number }
  | { mode: "ratio"; value: number };

export interface SummarySentence {
  /** Id of the sentence in article.json. */
  id: string;
  text: string;
  score: number;
  /** 0-based index among the article's body sentences. */
  position: number;
}

/** `results/<id>/summary.json` (and `summary.txt`: the sentence texts, one per line). */
export interface ArticleSummary {
  schemaVersion: SchemaVersion;
  language: string;
  method: string;
  length: SummaryLength;
  /** Picked sentences in document order. Empty when the article has no body sentence (see `reason`). */
  sentences: SummarySentence[];
  /** The sentences joined by "\n". */
  text: string;
  /** Present when the summary is empty or shorter than asked, e.g. "article has no body sentence". */
  reason?: string;
}
