export declare const HTML_STACK_FILE: string;
export declare const ELD_META_FILE: string;
export declare const ELD_NGRAMS_FILE: string;
export declare function stemmerFile(algorithm: string): string;
export declare const STOPWORD_LANGUAGES_FILE: string;
export declare function stopwordsFile(code: string): string;
export declare const SUMMARIZER_HEADER_FILE: string;
export declare const SUMMARIZER_TREES_FILE: string;
