export declare const ELD_META_FILE: string;
export declare const ELD_NGRAMS_FILE: string;
