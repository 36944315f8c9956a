/**
 * The files of a Lambda asset's lazy/ folder, named once for the shims that read them and for
 * infra/aws/lazy-modules.ts, which writes them.
 */
export const HTML_STACK_FILE = "html-stack.cjs";
export const ELD_META_FILE = "eld/meta.json";
export const ELD_NGRAMS_FILE = "eld/ngrams.txt";
export const stemmerFile = (algorithm) => `stemmers/${algorithm}.cjs`;
export const STOPWORD_LANGUAGES_FILE = "stopwords/languages.json";
export const stopwordsFile = (code) => `stopwords/${code}.txt`;
export const SUMMARIZER_HEADER_FILE = "summarizer/weights.json";
export const SUMMARIZER_TREES_FILE = "summarizer/trees.bin";
