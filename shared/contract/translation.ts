import type { BlockType } from "./article";
import type { SchemaVersion } from "./version";

export type TranslationEngine = "amazon-translate" | "apertium" | "copy";

export interface TranslatedSentence {
  /** Id of the source sentence in article.json. */
  id: string;
  text: string;
}

export interface TranslatedBlock {
  /** Id of the source block in article.json. */
  id: string;
  type: BlockType;
  sentences: TranslatedSentence[];
}

/** `results/<id>/translations/<lang>.json` (and `<lang>.txt`: the translated blocks, blank-line separated). */
export interface ArticleTranslation {
  schemaVersion: SchemaVersion;
  engine: TranslationEngine;
  sourceLanguage: string;
  targetLanguage: string;
  blocks: TranslatedBlock[];
  /** The translations of the summary's sentences, in the summary's order: no second translation call. */
  summary: { sentenceIds: string[]; text: string };
  /** Characters sent to the engine (what Amazon Translate bills), and the number of requests made. */
  charactersBilled: number;
  requests: number;
  /** Engine settings in force (formality, profanity, brevity, terminology names). */
  settings: Record<string, string | boolean | string[]>;
}
